package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Training sessions uploaded to Flow in the last 30 days (after registration), with their FIT, TCX and GPX files.
 */
public final class ExercisesService {
  private final HttpStack http;
  private final Retrofit retrofit;

  ExercisesService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
