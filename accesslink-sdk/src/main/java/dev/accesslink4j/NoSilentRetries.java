package dev.accesslink4j;

import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * OkHttp by itself silently sends a request again when a pooled connection turns out to be dead, even a POST whose
 * body already went out ({@code retryOnConnectionFailure}). For requests that must not be repeated (the OAuth code
 * exchange, register, de-register) that bypasses the {@link RetryPolicy}; this turns it off on one Retrofit view,
 * which keeps sharing the client's connection pool.
 */
final class NoSilentRetries {
  private NoSilentRetries() {}

  static Retrofit of(Retrofit retrofit) {
    if (retrofit.callFactory() instanceof OkHttpClient client) {
      return retrofit.newBuilder().client(client.newBuilder().retryOnConnectionFailure(false).build()).build();
    }
    return retrofit;
  }
}
