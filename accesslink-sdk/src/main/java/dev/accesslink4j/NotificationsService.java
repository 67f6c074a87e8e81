package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import retrofit2.Retrofit;

/**
 * Pull notifications: which users have new transactional data.
 */
public final class NotificationsService {
  private final HttpStack http;
  private final Retrofit retrofit;

  NotificationsService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.retrofit = retrofit;
  }
}
