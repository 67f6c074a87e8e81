/**
 * The small HTTP/1.1 server behind the {@code webhook} receiver and {@code link}'s callback server, built so that a
 * slow, stalled or hostile client can never delay a well-behaved request.
 *
 * <p>Each connection gets a thread of its own from a bounded pool ({@link ReceiverLimits#maxConnections()}, also the
 * cap on open connections: one more is answered {@code 503} at once), and one deadline for its whole request, request
 * line, headers and body ({@link ReceiverLimits#requestDeadline()}): a client that sends half its headers, trickles
 * them byte by byte (slowloris) or never ends a chunked body is answered {@code 408} and dropped when the deadline
 * passes, while every other connection is served by its own thread meanwhile. Header and body sizes are capped.
 * Every answer closes the connection ({@code Connection: close}): no keep-alive, no pipelining, so one request is all
 * a connection can hold up.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: without an executor its dispatcher thread reads every
 * request itself, so one stalled client stops all others; with a pool, each connection whose first byte arrived
 * holds a pool thread while its headers trickle in, and its only deadlines are the JVM-wide system properties
 * {@code sun.net.httpserver.maxReqTime} (whole seconds, checked by a timer) and {@code jdk.httpserver.maxConnections}
 * (a late JDK 17 update), read once when the first server of the JVM is created: a building block cannot set them
 * for itself, and a server created earlier in the same JVM fixes them for good.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples.receiver;

import org.jspecify.annotations.NullMarked;
