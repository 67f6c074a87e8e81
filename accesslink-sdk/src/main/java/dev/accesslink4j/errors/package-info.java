/**
 * Every exception the SDK throws: one unchecked tree under {@link AccessLinkException}, in one package (as
 * stripe-java's {@code com.stripe.exception} and openai-java's {@code errors}) so that a {@code catch} clause, or a
 * reader looking for what a call may throw, finds them all in one place.
 *
 * <p>The tree: {@link ServiceException} and one subclass per status AccessLink answers with
 * (400 {@link BadRequestException}, 401 {@link UnauthorizedException},
 * 403 {@link ConsentRequiredException}, 404 {@link NotFoundException},
 * 409 {@link ConflictException}, 429 {@link RateLimitException}, 5xx
 * {@link ServerException}, a refused 3xx
 * {@link RedirectRefusedException}, any other
 * {@link UnexpectedStatusException}); the failures no error status describes
 * ({@link AccessLinkIOException}, {@link InvalidResponseException});
 * and the errors of each flow: OAuth ({@link OAuthException} with its
 * {@link OAuthErrorCode}, {@link OAuthCallbackException}),
 * registration ({@link RegistrationFailedException}), transactions
 * ({@link TransactionAbortedException}, {@link TransactionGoneException})
 * and webhooks ({@link WebhookSignatureException},
 * {@link WebhookPayloadException}). No message contains a token, a secret, a code or a body,
 * and none carries a raw control character: text from outside is shown with visible escapes (see
 * {@link AccessLinkException}).
 *
 * <h2>How an exception is made</h2>
 *
 * One rule for every class, so that the SDK and a test of your error handling make an exception the same way and get
 * the same message. There are no builders: each exception is made by a public constructor, whose parameters say what
 * the exception reports.
 *
 * <ul>
 *   <li><b>A service error</b> (an error status; {@code ServiceException} and its subclasses) takes the
 *       {@link ServiceException.ErrorDetails ErrorDetails} of the answer, built one way:
 *       {@code ErrorDetails.of(status, method, path)} and a {@code with…} call per value the answer carried. A status
 *       subclass takes only the details ({@code new NotFoundException(details)}): its hint is its own.
 *       {@code ServiceException} itself adds the hint, {@code RedirectRefusedException} the target and the reason.
 *   <li><b>Any other exception</b> takes {@code (String message, …, Throwable cause)}: the message first, the values
 *       it reports in between (a status, a timeout flag, a transaction's id…), the cause last, null when there is
 *       none ({@code AccessLinkException} and {@code WebhookPayloadException} also have the constructor without it).
 *   <li><b>Where the SDK words the message itself</b>, from a closed set of cases, the case replaces the message:
 *       {@code new OAuthCallbackException(Reason)}, {@code new WebhookSignatureException(Reason)}. The one named
 *       factory pair is {@code OAuthException.fromCallback} / {@code fromTokenEndpoint}: the same RFC 6749 codes come
 *       from two places with different hints, and the factory's name says which.
 * </ul>
 *
 * <p>This package depends on the root package and on the few values the exceptions report (such as {@code
 * transactions.TransactionType}); nothing in it calls AccessLink. Everything in this package is non-null unless
 * annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.errors;

import org.jspecify.annotations.NullMarked;
