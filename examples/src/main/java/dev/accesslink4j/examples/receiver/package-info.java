/**
 * The small HTTP server behind the {@code webhook} receiver and {@code link}'s callback server, on Jetty, built so
 * that a slow, stalled or hostile client can never delay a well-behaved request.
 *
 * <p>Jetty does the HTTP/1.1: parsing (chunked bodies, {@code Expect: 100-continue}, conflicting framings refused),
 * the header cap ({@code 431}), the body cap ({@code 413}), a cap on open connections, and a non-blocking connector
 * that holds no thread for a connection whose bytes trickle in: a slowloris of hundreds of connections costs a few
 * buffers, never a thread, and a request that is complete is handled at once on a small, bounded pool. What Jetty
 * does not have is a deadline for a whole request (its idle timeout starts over with every byte, so a client sending
 * one byte a second never meets it); {@link ReceiverServer} adds one per connection
 * ({@link ReceiverLimits#requestDeadline()}, from the accept): a connection still sending its headers then is closed,
 * one still sending its body is answered {@code 408}. That frees the connection cap for the next client. Every answer
 * closes the connection ({@code Connection: close}): no keep-alive, one request per connection.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: without an executor its dispatcher thread reads every
 * request itself, so one stalled client stops all others; with a pool, each connection whose first byte arrived
 * holds a pool thread while its headers trickle in, and its only deadlines are the JVM-wide system properties
 * {@code sun.net.httpserver.maxReqTime} and {@code jdk.httpserver.maxConnections}, read once per JVM.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples.receiver;

import org.jspecify.annotations.NullMarked;
