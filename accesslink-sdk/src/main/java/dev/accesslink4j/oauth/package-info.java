/**
 * Linking a Polar user and keeping their token: {@link dev.accesslink4j.oauth.OAuthService} runs the
 * authorization-code flow ({@link dev.accesslink4j.oauth.AuthorizationRequest} with its random {@code state}, the
 * callback check, the code exchange that is never retried), and {@link dev.accesslink4j.oauth.TokenStore} keeps the
 * resulting {@link dev.accesslink4j.AccessToken}s between runs (by key, or by Polar user id): an in-memory store for
 * tests and short-lived tools, and a single-file store with owner-only permissions that several processes can share.
 *
 * <p>The flow and the stores share a package because they are one job, seen from the application: get a user's token
 * once, then find it again. AccessLink issues no refresh tokens, so a stored token stays usable until it is revoked
 * (a call answers 401) or its reported lifetime ends. The flow's errors are in {@link dev.accesslink4j.errors}.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.oauth;

import org.jspecify.annotations.NullMarked;
