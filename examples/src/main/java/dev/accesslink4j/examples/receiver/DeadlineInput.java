package dev.accesslink4j.examples.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A connection's input, buffered, that refuses to wait past one deadline: before every read from the socket its
 * timeout is set to the time left, so a client trickling one byte at a time gets no more time than a silent one.
 */
final class DeadlineInput extends InputStream {
  private final Socket socket;
  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private long deadline;

  DeadlineInput(Socket socket, long deadlineNanos) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.deadline = deadlineNanos;
  }

  /** Moves the deadline, for reading what is left after the answer was sent. */
  void deadline(long deadlineNanos) {
    this.deadline = deadlineNanos;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position == limit && !fill()) {
      return -1;
    }
    int n = Math.min(len, limit - position);
    System.arraycopy(buffer, position, b, off, n);
    position += n;
    return n;
  }

  private boolean fill() throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("request deadline passed");
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000)));
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
