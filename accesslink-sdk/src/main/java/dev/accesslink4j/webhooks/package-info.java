/**
 * Receiving AccessLink webhooks: signature verification over the raw body, typed events, de-duplication, and a
 * signer for tests.
 */
@NullMarked
package dev.accesslink4j.webhooks;

import org.jspecify.annotations.NullMarked;
