package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * AccessLink's transactions (exercises, activity, physical information), taken out safely.
 */
public final class TransactionsService {
  private final HttpStack http;
  private final Retrofit retrofit;

  TransactionsService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
