package dev.accesslink4j.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections set TCP_NODELAY. MockWebServer writes a response's headers and body in
 * separate small segments, so without it Nagle's algorithm meets the client's delayed ACK and every exchange takes
 * about 40 ms on loopback: a latency nobody configured, which would hide the one set with
 * {@code FakeAccessLinkOptions.Builder#latency}.
 */
public final class NoDelaySockets extends ServerSocketFactory {
  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new ServerSocket() {
      @Override
      public Socket accept() throws IOException {
        Socket socket = super.accept();
        socket.setTcpNoDelay(true);
        return socket;
      }
    };
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new InetSocketAddress(port));
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new InetSocketAddress(port), backlog);
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new InetSocketAddress(address, port), backlog);
    return s;
  }
}
