package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Management of the client's one webhook.
 */
public final class WebhooksService {
  private final HttpStack http;
  private final Retrofit retrofit;

  WebhooksService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
