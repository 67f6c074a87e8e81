package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;

/**
 * What each {@link Fault} does to an exchange: either it answers instead of the fake (the request is not
 * processed), or it shapes the real reply (body rewritten, headers delayed, socket closed mid-body).
 */
final class FaultEffects {
  private final Engine engine;

  FaultEffects(Engine engine) {
    this.engine = engine;
  }

  /** The answer of a fault that replaces processing, or null when the request is to be processed. */
  @Nullable
  MockResponse instead(Fault fault) {
    if (fault instanceof Fault.Status s) {
      Reply failure = engine.error(s.status(), "Injected failure");
      if (s.status() == 429) {
        // As Polar does: the headers say which window is spent and when it resets (the short one,
        // in 15 min).
        failure.header("RateLimit-Usage", "500, 37");
        failure.header("RateLimit-Limit", "500, 5000");
        failure.header("RateLimit-Reset", "900, 86000");
      }
      return failure.toMock().build();
    }
    if (fault instanceof Fault.HtmlError h) {
      return htmlError(h.status()).toMock().build();
    }
    if (fault instanceof Fault.Drop d && d.point() == Fault.DropPoint.BEFORE_RESPONSE) {
      return new MockResponse.Builder()
          .onResponseStart(new SocketEffect.CloseSocket())
          .build();
    }
    return null;
  }

  /** The processed reply as a response, shaped by the fault if there is one. */
  static MockResponse shape(Reply reply, @Nullable Fault fault) {
    if (fault instanceof Fault.Truncate) {
      reply.body = Arrays.copyOf(reply.body, reply.body.length / 2);
    } else if (fault instanceof Fault.MalformedJson) {
      reply.body = malformed(new String(reply.body, StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8);
      reply.contentType = Reply.JSON;
    } else if (fault instanceof Fault.Corrupt && reply.body.length > 0) {
      reply.body = reply.body.clone();
      reply.body[reply.body.length / 2] ^= (byte) 0xFF;
    }
    MockResponse.Builder b = reply.toMock();
    if (fault instanceof Fault.Delay d) {
      b.headersDelay(d.delay().toMillis(), TimeUnit.MILLISECONDS);
    } else if (fault instanceof Fault.Drop d && d.point() == Fault.DropPoint.MID_BODY) {
      b.onResponseBody(new SocketEffect.CloseSocket());
    }
    return b.build();
  }

  /** Breaks JSON in a way no lenient parser repairs: the first name-value separator goes missing. */
  static String malformed(String body) {
    int colon = body.indexOf(':');
    if (colon < 0) {
      return "{\"data\" " + body + "}";
    }
    return body.substring(0, colon) + " " + body.substring(colon + 1);
  }

  /** An nginx error page, as a proxy in front of the API sends it. */
  private static Reply htmlError(int status) {
    String reason = switch (status) {
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Temporarily Unavailable";
      case 504 -> "Gateway Time-out";
      default -> "Error";
    };
    String html = "<html>\r\n<head><title>" + status + " " + reason
        + "</title></head>\r\n<body>\r\n<center><h1>" + status + " " + reason
        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return Reply.bytes(status, html.getBytes(StandardCharsets.UTF_8), "text/html");
  }
}
