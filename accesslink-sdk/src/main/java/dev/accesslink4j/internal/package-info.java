/**
 * Implementation details of the SDK: HTTP plumbing, JSON adapters, error mapping and retries. Not a public API: it
 * may change in any release.
 */
@NullMarked
package dev.accesslink4j.internal;

import org.jspecify.annotations.NullMarked;
