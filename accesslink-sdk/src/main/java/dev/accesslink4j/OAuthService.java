package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Polar's OAuth2 authorization-code flow: the authorization URL, the callback check and the code exchange.
 */
public final class OAuthService {
  private final HttpStack http;
  private final Retrofit retrofit;

  OAuthService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
