/**
 * The offline demo: the testkit's fake AccessLink, with its demo user linked through the real OAuth2 flow.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples.offline;

import org.jspecify.annotations.NullMarked;
