/**
 * Receiving AccessLink webhooks on the {@linkplain dev.accesslink4j.examples.receiver bounded receiver server}:
 * verified, answered at once, printed as one line each.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples.webhook;

import org.jspecify.annotations.NullMarked;
