/**
 * Implementation details of the SDK: HTTP plumbing, JSON adapters, error mapping, retries, download verification,
 * and the {@link dev.accesslink4j.internal.ServiceContext} the public services are built from. Not a public API: it
 * may change in any release, the module does not export it, and nothing outside the SDK (the testkit and the examples
 * included) imports it.
 */
@NullMarked
package dev.accesslink4j.internal;

import org.jspecify.annotations.NullMarked;
