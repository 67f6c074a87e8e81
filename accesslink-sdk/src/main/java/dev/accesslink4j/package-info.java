/**
 * The Polar AccessLink SDK: {@link dev.accesslink4j.AccessLink} is the client, {@link dev.accesslink4j.UserClient}
 * the view of one linked user's data, and {@link dev.accesslink4j.AccessLinkException} the root of every error.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j;

import org.jspecify.annotations.NullMarked;
