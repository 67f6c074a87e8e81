package dev.accesslink4j.internal;

import java.io.IOException;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds one {@code Authorization} header to requests bound for the hosts it trusts, and to no other host, so a user
 * token or the client secret never leaves for a URL that merely appeared in a response.
 */
public final class CredentialInterceptor implements Interceptor {
  private final String authorization;
  private final Set<String> trustedOrigins;

  /**
   * Creates the interceptor.
   *
   * @param authorization the full header value ({@code Bearer …} or {@code Basic …})
   * @param trusted the base URLs whose origin (scheme, host, port) may receive it
   */
  public CredentialInterceptor(String authorization, Set<HttpUrl> trusted) {
    this.authorization = authorization;
    this.trustedOrigins = trusted.stream().map(CredentialInterceptor::origin).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!trustedOrigins.contains(origin(request.url()))) {
      return chain.proceed(request.newBuilder().removeHeader("Authorization").build());
    }
    return chain.proceed(request.newBuilder().header("Authorization", authorization).build());
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  @Override
  public String toString() {
    return "CredentialInterceptor[██]";
  }
}
