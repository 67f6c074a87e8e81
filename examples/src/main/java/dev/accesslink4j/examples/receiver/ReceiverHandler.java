package dev.accesslink4j.examples.receiver;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Adapts a {@link RequestHandler} to Jetty: reads the whole body without holding a thread while it arrives, within
 * the connection's deadline, then calls the handler on a pool thread and writes its {@link Reply}.
 */
final class ReceiverHandler extends Handler.Abstract {
  private final RequestHandler handler;
  private final RequestDeadlines deadlines;
  private final int maxBodyBytes;

  ReceiverHandler(RequestHandler handler, RequestDeadlines deadlines, int maxBodyBytes) {
    super(
        Invocable.InvocationType
            .BLOCKING); // a handler may block (link exchanges a code): never on a selector
    this.handler = handler;
    this.deadlines = deadlines;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    // the idle timeout fails a stalled read or write; it must not fail a request while the handler
    // runs
    request.addIdleTimeoutListener(timeout -> false);
    Exchange exchange = new Exchange(request, response, callback);
    RequestDeadlines.Deadline deadline =
        deadlines.of(request.getConnectionMetaData().getConnection());
    if (!deadline.readingBody(() -> exchange.send(plain(HttpStatus.REQUEST_TIMEOUT_408)))) {
      callback.failed(new TimeoutException("request deadline passed"));
      return true;
    }
    Content.Source.asByteArrayAsync(
        request,
        maxBodyBytes,
        Promise.Invocable.from(
            Invocable.InvocationType.BLOCKING,
            body -> {
              if (deadline.handling()) {
                exchange.answer(body);
              }
            },
            failure -> {
              if (deadline.handling()) {
                exchange.refuse(failure);
              }
            }));
    return true;
  }

  /** One request and its answer. */
  private final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    void answer(byte[] body) {
      URI uri;
      try {
        uri = new URI(request.getHttpURI().getPathQuery());
      } catch (URISyntaxException | NullPointerException e) {
        send(plain(HttpStatus.BAD_REQUEST_400));
        return;
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpField field : request.getHeaders()) {
        headers
            .computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>())
            .add(field.getValue().strip());
      }
      ReceivedRequest received =
          new ReceivedRequest(request.getMethod(), uri, headers, body, (InetSocketAddress)
              request.getConnectionMetaData().getRemoteSocketAddress());
      Reply reply;
      try {
        reply = Objects.requireNonNull(handler.handle(received), "reply");
      } catch (RuntimeException e) {
        reply = plain(HttpStatus.INTERNAL_SERVER_ERROR_500);
      }
      send(reply);
    }

    /**
     * The body could not be read: over the cap ({@code 413} from the {@code SizeLimitHandler}), malformed framing
     * ({@code 400}), stalled past the idle timeout ({@code 408}), or the client left.
     */
    void refuse(Throwable failure) {
      if (failure instanceof HttpException http) {
        send(plain(http.getCode()));
      } else if (failure instanceof TimeoutException) {
        send(plain(HttpStatus.REQUEST_TIMEOUT_408));
      } else {
        callback.failed(failure); // the client is gone: there is no one to answer
      }
    }

    void send(Reply reply) {
      response.setStatus(reply.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
      reply.headers().forEach(response.getHeaders()::put);
      Runnable afterSent = reply.afterSent();
      response.write(
          true,
          ByteBuffer.wrap(reply.bodyBytes()),
          Callback.from(
              () -> {
                callback.succeeded();
                runQuietly(afterSent);
              },
              failure -> {
                callback.failed(failure);
                runQuietly(afterSent);
              }));
    }
  }

  /** An answer the server gives itself: the status's reason phrase, never anything from the request. */
  static Reply plain(int status) {
    return Reply.text(status, HttpStatus.getMessage(status).toLowerCase(Locale.ROOT));
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // an action after the answer has no one to report to; the handler owns its errors
    }
  }

  /** Writes the answers Jetty gives itself (a malformed request, headers over the cap) as a fixed short text. */
  static final class FixedTextErrors implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Reply reply = plain(response.getStatus());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
      response.write(true, ByteBuffer.wrap(reply.bodyBytes()), callback);
      return true;
    }
  }
}
