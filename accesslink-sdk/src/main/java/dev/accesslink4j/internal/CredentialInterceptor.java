package dev.accesslink4j.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds one {@code Authorization} header to requests bound for the origin it trusts, and to no other, so a user token
 * or the client secret never leaves for a URL that merely appeared in a response. It also tells {@link Redaction}
 * (for the call on this thread) which values to remove from anything the server echoes back.
 */
public final class CredentialInterceptor implements Interceptor {
  private final String authorization;
  private final List<SentCredentials.Sent> secrets;
  private final Set<String> trustedOrigins;

  /**
   * Creates the interceptor.
   *
   * @param authorization the full header value ({@code Bearer …} or {@code Basic …})
   * @param trusted the base URLs whose origin (scheme, host, port) may receive it
   */
  public CredentialInterceptor(String authorization, Set<HttpUrl> trusted) {
    this.authorization = authorization;
    this.secrets = SentCredentials.of(authorization);
    this.trustedOrigins =
        trusted.stream().map(CredentialInterceptor::origin).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!trustedOrigins.contains(origin(request.url()))) {
      return chain.proceed(request.newBuilder().removeHeader("Authorization").build());
    }
    SentCredentials.record(secrets);
    return chain.proceed(
        request.newBuilder().header("Authorization", authorization).build());
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  @Override
  public String toString() {
    return "CredentialInterceptor[██]";
  }
}
