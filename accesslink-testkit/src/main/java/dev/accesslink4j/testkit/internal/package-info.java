/**
 * The engine behind {@link dev.accesslink4j.testkit.FakeAccessLink}: the dispatcher, the state, the fault effects,
 * the handler of each route group, the seeded data generators and the file writers.
 *
 * <p>Not API: everything here may change in any release. Use the types in {@code dev.accesslink4j.testkit}.
 */
@NullMarked
package dev.accesslink4j.testkit.internal;

import org.jspecify.annotations.NullMarked;
