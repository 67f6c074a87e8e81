package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * SleepWiseService alertness and circadian bedtime predictions.
 */
public final class SleepWiseService {
  private final HttpStack http;
  private final Retrofit retrofit;

  SleepWiseService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
