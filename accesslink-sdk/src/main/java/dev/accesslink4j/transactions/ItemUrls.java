package dev.accesslink4j.transactions;

import dev.accesslink4j.errors.InvalidResponseException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Reads ids out of the absolute URLs that AccessLink lists, accepting only URLs on the API's own origin (scheme,
 * host and port) so that an access token is never sent elsewhere. The SDK never requests these URLs: it takes the
 * id from the path and calls the API on its configured base URL.
 */
final class ItemUrls {
  private static final int MAX_URL_IN_MESSAGE = 200;

  private ItemUrls() {}

  /**
   * The item id at the end of {@code …/{type}-transactions/{transactionId}/{items}/{id}}.
   *
   * @throws IllegalArgumentException when the URL is on another origin or has another shape
   */
  static long itemId(HttpUrl apiBase, URI url, TransactionType type, long transactionId) {
    List<String> s = sameOriginPath(apiBase, url);
    int n = s.size();
    if (n < 4
        || !s.get(n - 4).equals(type.pathSegment())
        || !s.get(n - 3).equals(Long.toString(transactionId))
        || !s.get(n - 2).equals(type.itemSegment())) {
      throw new IllegalArgumentException("its path does not end in /" + type.pathSegment() + "/"
          + transactionId + "/" + type.itemSegment() + "/{id}");
    }
    return positive(s.get(n - 1));
  }

  /**
   * The sample type key at the end of {@code …/exercises/{exerciseId}/samples/{type}}.
   *
   * @throws IllegalArgumentException when the URL is on another origin or has another shape
   */
  static String sampleType(HttpUrl apiBase, URI url, long exerciseId) {
    List<String> s = sameOriginPath(apiBase, url);
    int n = s.size();
    if (n < 4
        || !s.get(n - 4).equals(TransactionType.EXERCISE.itemSegment())
        || !s.get(n - 3).equals(Long.toString(exerciseId))
        || !s.get(n - 2).equals("samples")
        || !s.get(n - 1).matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(
          "its path does not end in /exercises/" + exerciseId + "/samples/{type number}");
    }
    return s.get(n - 1);
  }

  /** The error for a listed URL that was refused. */
  static InvalidResponseException rejected(
      String request, @Nullable URI url, IllegalArgumentException why) {
    String shown = String.valueOf(url);
    if (shown.length() > MAX_URL_IN_MESSAGE) {
      shown = shown.substring(0, MAX_URL_IN_MESSAGE) + "…";
    }
    return new InvalidResponseException(
        request + " listed a URL the SDK will not follow (" + shown + "): " + why.getMessage()
            + ". Nothing was requested from it.",
        200,
        "",
        why);
  }

  private static List<String> sameOriginPath(HttpUrl apiBase, URI url) {
    HttpUrl parsed = url.isAbsolute() ? HttpUrl.parse(url.toString()) : null;
    if (parsed == null) {
      throw new IllegalArgumentException("it is not an absolute http(s) URL");
    }
    if (!parsed.scheme().equals(apiBase.scheme())
        || !parsed.host().equals(apiBase.host())
        || parsed.port() != apiBase.port()) {
      throw new IllegalArgumentException("it is on " + origin(parsed) + ", not on the API origin "
          + origin(apiBase) + ", and the SDK sends the access token only to the API origin");
    }
    List<String> segments = new ArrayList<>(parsed.pathSegments());
    while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }

  private static long positive(String segment) {
    try {
      long id = Long.parseLong(segment);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("its last path segment is not a positive integer id");
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }
}
