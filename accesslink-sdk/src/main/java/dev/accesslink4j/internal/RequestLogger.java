package dev.accesslink4j.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Logs one line per HTTP exchange through {@link System.Logger} {@code dev.accesslink4j}: method, path, status, time
 * and remaining rate limit. It never logs headers, query strings or bodies, so credentials cannot reach a log. Lines
 * are DEBUG, or INFO when the environment variable {@code ACCESSLINK_LOG} is set to {@code debug} or {@code info}.
 */
public final class RequestLogger implements Interceptor {
  private static final Logger LOG = System.getLogger("dev.accesslink4j");
  private final Level level;

  /**
   * Creates a logger at the level the environment asks for.
   *
   * @param loudly whether to log at INFO (visible with default logging) instead of DEBUG
   */
  public RequestLogger(boolean loudly) {
    this.level = loudly ? Level.INFO : Level.DEBUG;
  }

  /**
   * Tells whether {@code ACCESSLINK_LOG} asks for visible request logging.
   *
   * @return true when it is {@code debug}, {@code info} or {@code true}
   */
  public static boolean enabledByEnvironment() {
    return enabledBy(System.getenv("ACCESSLINK_LOG"));
  }

  /**
   * Tells whether a value of {@code ACCESSLINK_LOG} asks for visible request logging.
   *
   * @param value the variable's value, or null when it is not set
   * @return true when it is {@code debug}, {@code info}, {@code true} or {@code 1} (in any case)
   */
  public static boolean enabledBy(@Nullable String value) {
    return value != null && value.trim().matches("(?i)debug|info|true|1");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isLoggable(level)) {
      return chain.proceed(request);
    }
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      long ms = (System.nanoTime() - start) / 1_000_000;
      String usage = response.header("RateLimit-Usage");
      // Built here (not as a MessageFormat pattern) so numbers are not localised and a path is
      // never a pattern.
      LOG.log(
          level,
          request.method() + " " + request.url().encodedPath() + " -> " + response.code() + " ("
              + ms + " ms" + (usage == null ? "" : ", rate-limit usage " + usage) + ")");
      return response;
    } catch (IOException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      LOG.log(
          level,
          request.method() + " " + request.url().encodedPath() + " -> "
              + e.getClass().getSimpleName() + " (" + ms + " ms)");
      throw e;
    }
  }
}
