/**
 * Every exception the SDK throws: one unchecked tree under {@link dev.accesslink4j.errors.AccessLinkException}, in one
 * package (as stripe-java's {@code com.stripe.exception} and openai-java's {@code errors}) so that a
 * {@code catch} clause, or a reader looking for what a call may throw, finds them all in one place.
 *
 * <p>The tree: {@link dev.accesslink4j.errors.ServiceException} and one subclass per status AccessLink answers with
 * (400 {@link dev.accesslink4j.errors.BadRequestException}, 401 {@link dev.accesslink4j.errors.UnauthorizedException},
 * 403 {@link dev.accesslink4j.errors.ConsentRequiredException}, 404 {@link dev.accesslink4j.errors.NotFoundException},
 * 409 {@link dev.accesslink4j.errors.ConflictException}, 429 {@link dev.accesslink4j.errors.RateLimitException}, 5xx
 * {@link dev.accesslink4j.errors.ServerException}, any other
 * {@link dev.accesslink4j.errors.UnexpectedStatusException}); the failures no status describes
 * ({@link dev.accesslink4j.errors.AccessLinkIOException}, {@link dev.accesslink4j.errors.InvalidResponseException},
 * {@link dev.accesslink4j.errors.RedirectRefusedException}); and the errors of each flow: OAuth
 * ({@link dev.accesslink4j.errors.OAuthException} with its {@link dev.accesslink4j.errors.OAuthErrorCode},
 * {@link dev.accesslink4j.errors.OAuthCallbackException}), registration
 * ({@link dev.accesslink4j.errors.RegistrationFailedException}), transactions
 * ({@link dev.accesslink4j.errors.TransactionAbortedException}, {@link dev.accesslink4j.errors.TransactionGoneException})
 * and webhooks ({@link dev.accesslink4j.errors.WebhookSignatureException},
 * {@link dev.accesslink4j.errors.WebhookPayloadException}). No message contains a token, a secret, a code or a body.
 *
 * <p>This package depends on the root package and on the few values the exceptions report (such as
 * {@code transactions.TransactionType}); nothing in it calls AccessLink. Everything in this package is non-null
 * unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.errors;

import org.jspecify.annotations.NullMarked;
