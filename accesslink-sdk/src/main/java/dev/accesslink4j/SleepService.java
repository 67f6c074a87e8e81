package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * SleepService stages, scores and hypnograms per night.
 */
public final class SleepService {
  private final HttpStack http;
  private final Retrofit retrofit;

  SleepService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
