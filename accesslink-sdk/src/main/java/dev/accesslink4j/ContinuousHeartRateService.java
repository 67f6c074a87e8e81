package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Heart rate measured around the clock, about every five minutes.
 */
public final class ContinuousHeartRateService {
  private final HttpStack http;
  private final Retrofit retrofit;

  ContinuousHeartRateService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
