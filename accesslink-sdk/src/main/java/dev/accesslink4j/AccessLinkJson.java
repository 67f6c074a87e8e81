package dev.accesslink4j;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.accesslink4j.internal.JavaTimeAdapters;

/**
 * The JSON setup the SDK reads and writes AccessLink's data with, for applications that store or forward the
 * generated models ({@code Sleep}, {@code TrainingSession}…) as JSON and want them to read back exactly as the SDK
 * read them: the {@code java.time} adapters the models need, lenient where Polar's values are (instants with a
 * one-digit second or without an offset, local date-times with or without seconds, fractional ISO-8601 durations),
 * and no HTML escaping. Written values are ISO-8601 ({@code 2025-08-13}, {@code PT14295.773S}).
 *
 * <pre>{@code
 * String json = AccessLinkJson.gson().toJson(night);
 * Sleep again = AccessLinkJson.gson().fromJson(json, Sleep.class);
 * Gson pretty = AccessLinkJson.gson().newBuilder().setPrettyPrinting().create();
 * }</pre>
 *
 * <p>The same role as openai-java's {@code jsonMapper()}: the configured mapper is public API so that nobody needs
 * the SDK's internals to get it.
 */
public final class AccessLinkJson {
  private static final Gson GSON =
      JavaTimeAdapters.register(new GsonBuilder()).disableHtmlEscaping().create();

  private AccessLinkJson() {}

  /**
   * The Gson every client uses for the generated models. Immutable and thread-safe, like any {@link Gson}; derive a
   * variant with {@link Gson#newBuilder()}.
   *
   * @return the shared instance
   */
  public static Gson gson() {
    return GSON;
  }
}
