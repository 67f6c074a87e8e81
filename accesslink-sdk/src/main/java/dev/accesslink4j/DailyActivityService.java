package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Daily activity summaries and activity samples.
 */
public final class DailyActivityService {
  private final HttpStack http;
  private final Retrofit retrofit;

  DailyActivityService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
