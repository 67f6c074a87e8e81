/**
 * The {@code accesslink} command line ({@link dev.accesslink4j.examples.AccessLinkCli}): {@code sync}, {@code link}
 * and {@code webhook}.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples;

import org.jspecify.annotations.NullMarked;
