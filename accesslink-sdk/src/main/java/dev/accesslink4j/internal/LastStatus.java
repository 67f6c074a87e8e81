package dev.accesslink4j.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Remembers, per calling thread, the status of the last response OkHttp received, so that a body that fails to parse
 * inside Retrofit's conversion can still be reported with its status. Calls are executed synchronously on the
 * calling thread, which makes the thread-local exact.
 */
final class LastStatus implements Interceptor {
  private static final ThreadLocal<int[]> STATUS = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    STATUS.get()[0] = response.code();
    return response;
  }

  static void clear() {
    STATUS.get()[0] = 0;
  }

  static int get() {
    return STATUS.get()[0];
  }
}
