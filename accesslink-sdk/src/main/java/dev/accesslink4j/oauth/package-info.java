/**
 * Keeping users' access tokens between runs: the {@link dev.accesslink4j.oauth.TokenStore} interface (by key, or by
 * Polar user id), an in-memory store for tests and short-lived tools, and a single-file store with owner-only
 * permissions that several processes can share. AccessLink issues no
 * refresh tokens, so a stored token stays usable until it is revoked (a call answers 401) or its reported lifetime
 * ends.
 */
@NullMarked
package dev.accesslink4j.oauth;

import org.jspecify.annotations.NullMarked;
