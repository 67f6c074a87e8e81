package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Nightly Recharge: ANS charge, HRV and breathing per night.
 */
public final class NightlyRechargeService {
  private final HttpStack http;
  private final Retrofit retrofit;

  NightlyRechargeService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
