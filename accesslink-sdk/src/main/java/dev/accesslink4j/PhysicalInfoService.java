package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * The user's current physical information.
 */
public final class PhysicalInfoService {
  private final HttpStack http;
  private final Retrofit retrofit;

  PhysicalInfoService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
