package dev.accesslink4j.examples.receiver;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of a {@link ReceiverServer}: how many connections at once, how long a client may take to send its
 * request, and how large its headers and body may be. Immutable; build with {@link #builder()}.
 */
public final class ReceiverLimits {
  /** The default cap on open connections: 256. */
  public static final int DEFAULT_MAX_CONNECTIONS = 256;
  /** The default deadline for a whole request (request line, headers and body), from the connection's accept: 5 s. */
  public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(5);
  /** The default cap on the request line and headers together: 16 KiB. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  /** The default cap on a request body: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private final int maxConnections;
  private final Duration requestDeadline;
  private final int maxHeaderBytes;
  private final int maxBodyBytes;

  private ReceiverLimits(Builder b) {
    this.maxConnections = b.maxConnections;
    this.requestDeadline = b.requestDeadline;
    this.maxHeaderBytes = b.maxHeaderBytes;
    this.maxBodyBytes = b.maxBodyBytes;
  }

  /**
   * The default limits.
   *
   * @return 256 connections, a 5 s deadline, 16 KiB of headers, 1 MiB of body
   */
  public static ReceiverLimits defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How many connections may be open at once. At the cap the server stops accepting: one more waits in the listen
   * backlog, unanswered, until an open one closes (at most the {@linkplain #requestDeadline() deadline} for one that
   * has not sent its request).
   *
   * @return the cap
   */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * How long a client may take to send its whole request, counted from the moment its connection was accepted,
   * however steadily its bytes trickle in; past it a connection still sending its headers is closed, and one still
   * sending its body is answered {@code 408} and closed.
   *
   * @return the deadline
   */
  public Duration requestDeadline() {
    return requestDeadline;
  }

  /**
   * The cap on the request line and the headers together; more is answered {@code 431} ({@code 414} when the request
   * line alone is over it).
   *
   * @return the cap in bytes
   */
  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  /**
   * The cap on a request body, declared or chunked; more is answered {@code 413}.
   *
   * @return the cap in bytes
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  @Override
  public String toString() {
    return "ReceiverLimits[maxConnections=" + maxConnections + ", requestDeadline="
        + requestDeadline + ", maxHeaderBytes=" + maxHeaderBytes + ", maxBodyBytes=" + maxBodyBytes
        + "]";
  }

  /** Builds {@link ReceiverLimits}. */
  public static final class Builder {
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration requestDeadline = DEFAULT_REQUEST_DEADLINE;
    private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    private Builder() {}

    /**
     * Sets the cap on open connections.
     *
     * @param maxConnections at least 1
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Sets the deadline for a whole request.
     *
     * @param requestDeadline positive, at most a minute
     * @return this builder
     */
    public Builder requestDeadline(Duration requestDeadline) {
      Objects.requireNonNull(requestDeadline, "requestDeadline");
      if (requestDeadline.isNegative()
          || requestDeadline.isZero()
          || requestDeadline.toSeconds() > 60) {
        throw new IllegalArgumentException("requestDeadline must be positive and at most 60 s");
      }
      this.requestDeadline = requestDeadline;
      return this;
    }

    /**
     * Sets the cap on the request line and headers.
     *
     * @param maxHeaderBytes at least 256
     * @return this builder
     */
    public Builder maxHeaderBytes(int maxHeaderBytes) {
      if (maxHeaderBytes < 256) {
        throw new IllegalArgumentException("maxHeaderBytes must be at least 256");
      }
      this.maxHeaderBytes = maxHeaderBytes;
      return this;
    }

    /**
     * Sets the cap on a request body.
     *
     * @param maxBodyBytes 0 or more
     * @return this builder
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Builds the limits.
     *
     * @return the limits
     */
    public ReceiverLimits build() {
      return new ReceiverLimits(this);
    }
  }
}
