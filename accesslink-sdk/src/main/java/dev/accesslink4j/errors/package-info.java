/**
 * Every exception the SDK throws: one unchecked tree under {@link AccessLinkException}, in one package (as
 * stripe-java's {@code com.stripe.exception} and openai-java's {@code errors}) so that a {@code catch} clause, or a
 * reader looking for what a call may throw, finds them all in one place.
 *
 * <p>The tree: {@link ServiceException} and one subclass per status AccessLink answers with (400 {@link
 * BadRequestException}, 401 {@link UnauthorizedException}, 403 {@link ConsentRequiredException}, 404 {@link
 * NotFoundException}, 409 {@link ConflictException}, 429 {@link RateLimitException}, 5xx {@link ServerException}, any
 * other {@link UnexpectedStatusException}); the failures no status describes ({@link AccessLinkIOException}, {@link
 * InvalidResponseException}, {@link RedirectRefusedException}); and the errors of each flow: OAuth ({@link
 * OAuthException} with its {@link OAuthErrorCode}, {@link OAuthCallbackException}), registration ({@link
 * RegistrationFailedException}), transactions ({@link TransactionAbortedException}, {@link TransactionGoneException})
 * and webhooks ({@link WebhookSignatureException}, {@link WebhookPayloadException}). No message contains a token, a
 * secret, a code or a body.
 *
 * <p>This package depends on the root package and on the few values the exceptions report (such as {@code
 * transactions.TransactionType}); nothing in it calls AccessLink. Everything in this package is non-null unless
 * annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.errors;

import org.jspecify.annotations.NullMarked;
