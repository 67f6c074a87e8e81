package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Daily cardio load, strain, tolerance and load status.
 */
public final class CardioLoadService {
  private final HttpStack http;
  private final Retrofit retrofit;

  CardioLoadService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
