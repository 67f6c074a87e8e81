/** The JDBC module's internals: SQL helpers and codecs. Not public API. */
@NullMarked
package dev.accesslink4j.sync.jdbc.internal;

import org.jspecify.annotations.NullMarked;
