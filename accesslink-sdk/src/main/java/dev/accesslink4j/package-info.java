/**
 * The entry points and the values every part of the client shares. {@link dev.accesslink4j.AccessLink} is the client
 * (built once, shared, closed once), {@link dev.accesslink4j.UserClient} the view of one linked user's data and
 * {@link dev.accesslink4j.AsyncUserClient} its asynchronous mirror; {@link dev.accesslink4j.AccessToken} and
 * {@link dev.accesslink4j.ClientSecret} are the two credentials (both print {@code ██}), and
 * {@link dev.accesslink4j.RetryPolicy}, {@link dev.accesslink4j.Sleeper}, {@link dev.accesslink4j.RateLimit} and
 * {@link dev.accesslink4j.ApiResponse} configure and describe every call whatever service makes it.
 *
 * <p>The rest of the SDK is split by role, so that a package's name says what is in it:
 * {@link dev.accesslink4j.errors} (every exception), {@link dev.accesslink4j.oauth} (linking a user and keeping
 * their token), {@link dev.accesslink4j.services} (the partner and data services the client hands out),
 * {@link dev.accesslink4j.transactions} (the deprecated transactional API) and {@link dev.accesslink4j.webhooks}
 * (managing the webhook and receiving its deliveries). {@code dev.accesslink4j.internal} is the plumbing behind them:
 * not exported from the module and not a public API. The data types themselves are the generated models in
 * {@code dev.accesslink4j.generated.model}.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j;

import org.jspecify.annotations.NullMarked;
