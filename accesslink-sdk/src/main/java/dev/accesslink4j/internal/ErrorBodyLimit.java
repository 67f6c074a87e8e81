package dev.accesslink4j.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Keeps only the start of an error response's body. Retrofit buffers an error body whole in memory before anyone
 * looks at it; {@link ErrorMapper} reads only its first 16 KiB, so a huge error
 * page (a proxy's, say) must not be pulled in entirely.
 */
final class ErrorBodyLimit implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isSuccessful()) {
      return response;
    }
    ResponseBody body = response.body();
    ResponseBody limited;
    try {
      limited = response.peekBody(ErrorMapper.MAX_ERROR_BODY);
    } finally {
      body.close();
    }
    return response.newBuilder().body(limited).build();
  }
}
