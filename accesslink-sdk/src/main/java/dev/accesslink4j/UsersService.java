package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Registers, reads and de-registers the linked user.
 */
public final class UsersService {
  private final HttpStack http;
  private final Retrofit retrofit;

  UsersService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
