package dev.accesslink4j.internal;

import dev.accesslink4j.errors.RedirectRefusedException;
import dev.accesslink4j.errors.ServiceException.ErrorDetails;
import java.io.IOException;
import java.net.URI;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Follows redirects itself, in place of OkHttp (whose own following is switched off): only a GET, only to the
 * origin (scheme, host and port) the request was sent to, at most {@value #MAX_HOPS} times. Anything else ends the
 * call with {@link Refused}, which the {@link Transport} reports as a {@link RedirectRefusedException}: the answer
 * from another host, or from plain HTTP after HTTPS, is not AccessLink's data however harmless the credentials'
 * absence makes the request. The refused target is never contacted.
 */
final class RedirectGuard implements Interceptor {
  static final int MAX_HOPS = 5;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request first = chain.request();
    Response response = chain.proceed(first);
    for (int hops = 0; isRedirect(response.code()); hops++) {
      String location = response.header("Location");
      HttpUrl target = location == null ? null : response.request().url().resolve(location);
      if (target == null) {
        return response; // not a usable redirect: an unexpected status for the Transport to report
      }
      String reason = refusal(first, target, hops);
      if (reason != null) {
        response.close();
        throw new Refused(response.code(), response.headers(), origin(target), reason);
      }
      response.close();
      response = chain.proceed(response.request().newBuilder().url(target).build());
    }
    return response;
  }

  private static @Nullable String refusal(Request first, HttpUrl target, int hops) {
    HttpUrl from = first.url();
    if (!sameOrigin(from, target)) {
      return from.isHttps() && !target.isHttps()
          ? "it downgrades " + originText(from) + " to plain HTTP"
          : "it leaves the origin " + originText(from) + " the request was sent to";
    }
    if (!first.method().equals("GET")) {
      return "only a GET follows a redirect, and this is a " + first.method();
    }
    if (hops >= MAX_HOPS) {
      return "it is redirect number " + (hops + 1) + ", and at most " + MAX_HOPS + " are followed";
    }
    return null;
  }

  private static boolean isRedirect(int code) {
    return code == 300 || code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  private static URI origin(HttpUrl url) {
    return URI.create(originText(url));
  }

  private static String originText(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.scheme() + "://" + host + ":" + url.port();
  }

  /** A redirect that was not followed; carried out of OkHttp as an I/O failure and turned into the typed error. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Headers headers;
    private final URI target;
    private final String reason;

    Refused(int status, Headers headers, URI target, String reason) {
      super("redirect to " + target + " refused: " + reason);
      this.status = status;
      this.headers = headers;
      this.target = target;
      this.reason = reason;
    }

    RedirectRefusedException toException(String method, String path) {
      return new RedirectRefusedException(
          ErrorDetails.of(status, method, path).withRateLimit(ErrorMapper.rateLimit(headers)),
          target,
          reason);
    }
  }
}
