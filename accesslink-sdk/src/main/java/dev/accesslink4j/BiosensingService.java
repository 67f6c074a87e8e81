package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Elixir biosensing: body and skin temperature, skin contact, wrist ECG and SpO2.
 */
public final class BiosensingService {
  private final HttpStack http;
  private final Retrofit retrofit;

  BiosensingService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
