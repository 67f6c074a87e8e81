package dev.accesslink4j.internal;

import java.util.Objects;
import retrofit2.Retrofit;

/**
 * What a service needs from its client: the client's {@link HttpStack} (transport, retry policy, rate limits, part
 * files) and the Retrofit view that carries one credential (a user's token, the client credentials, or the token
 * endpoint's basic auth).
 *
 * <p>The services of the public packages take one in their public constructor, the way openai-java's service
 * implementations take their {@code ClientOptions}: the constructor is public only so that {@code AccessLink} and
 * {@code UserClient}, in another package, can create them. Applications get their services from those two and never
 * build a context; this package is not exported from the module.
 */
public final class ServiceContext {
  private final HttpStack http;
  private final Retrofit retrofit;

  /**
   * Pairs a stack with one of its credential views.
   *
   * @param http the client's stack
   * @param retrofit a view created by {@code http} ({@link HttpStack#bearer}, {@link HttpStack#basic} or
   *     {@link HttpStack#tokenEndpoint})
   */
  public ServiceContext(HttpStack http, Retrofit retrofit) {
    this.http = Objects.requireNonNull(http, "http");
    this.retrofit = Objects.requireNonNull(retrofit, "retrofit");
  }

  /**
   * The client's stack.
   *
   * @return the stack
   */
  public HttpStack http() {
    return http;
  }

  /**
   * The transport every call of the client goes through.
   *
   * @return the transport
   */
  public Transport transport() {
    return http.transport();
  }

  /**
   * The credential view.
   *
   * @return the Retrofit instance
   */
  public Retrofit retrofit() {
    return retrofit;
  }

  /**
   * A generated interface bound to this context's credential.
   *
   * @param api the generated interface
   * @param <A> its type
   * @return the Retrofit proxy
   */
  public <A> A create(Class<A> api) {
    return retrofit.create(api);
  }

  @Override
  public String toString() {
    return "ServiceContext["
        + http.apiBase().newBuilder().username("").password("").build() + "]";
  }
}
