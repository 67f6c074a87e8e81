/**
 * Receiving AccessLink webhooks on the JDK's HTTP server.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples.webhook;

import org.jspecify.annotations.NullMarked;
