package dev.accesslink4j.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Remembers, per calling thread, the status of the last response OkHttp received, so that a body that fails to parse
 * inside Retrofit's conversion can still be reported with its status. Calls are executed synchronously on the
 * calling thread (also for async calls, which run a synchronous call on a worker), which makes the thread-local exact.
 * The {@link Transport} removes the value when its call ends, so pooled threads keep nothing.
 */
final class LastStatus implements Interceptor {
  private static final ThreadLocal<int[]> STATUS = new ThreadLocal<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    int[] slot = STATUS.get();
    if (slot == null) {
      slot = new int[1];
      STATUS.set(slot);
    }
    slot[0] = response.code();
    return response;
  }

  static void remove() {
    STATUS.remove();
  }

  static int get() {
    int[] slot = STATUS.get();
    return slot == null ? 0 : slot[0];
  }
}
