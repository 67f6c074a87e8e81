package dev.accesslink4j.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.MockAccessLink;
import mockwebserver3.RecordedRequest;

/** Assertions shared by the user-data service tests: a bearer-authenticated GET with the expected path and query. */
final class UserRequests {
  static final String JSON = "application/json";

  private UserRequests() {}

  /**
   * Asserts a GET of {@code path} with exactly {@code query} (null: no query string), the user's bearer token and the
   * Accept header.
   */
  static void assertGet(RecordedRequest request, String path, String query, String accept) {
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo(path);
    assertThat(request.getUrl().query()).isEqualTo(query);
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + MockAccessLink.TOKEN);
    assertThat(request.getHeaders().get("Accept")).isEqualTo(accept);
  }

  /** {@link #assertGet} with {@code Accept: application/json}. */
  static void assertJsonGet(RecordedRequest request, String path, String query) {
    assertGet(request, path, query, JSON);
  }
}
