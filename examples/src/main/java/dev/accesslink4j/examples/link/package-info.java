/**
 * Linking a Polar user: the OAuth2 redirect flow with a local callback server.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples.link;

import org.jspecify.annotations.NullMarked;
