package dev.accesslink4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.errors.BadRequestException;
import dev.accesslink4j.errors.ConflictException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.generated.model.WebhookType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhooksServiceTest {
  private static final String BASIC = "Basic "
      + Base64.getEncoder()
          .encodeToString((MockAccessLink.CLIENT_ID + ":" + MockAccessLink.CLIENT_SECRET)
              .getBytes(StandardCharsets.UTF_8));
  private static final String KEY = "example-abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd1";
  private static final URI URL = URI.create("https://myapp.example.com/acl_webhook");
  private static final URI URL_V2 = URI.create("https://myapp.example.com/acl_webhook_v2");
  private static final String PING_FAILED =
      "{\"timestamp\":\"2025-01-31T12:01:45.963Z\",\"status\":400,\"errorType\":\"WebhookPingFailedException\","
          + "\"message\":\"Ping failed to URL https://myapp.example.com/acl_webhook. Response code was [404]\","
          + "\"corrId\":\"ec1122c7-ff56-4467-b3d0-28f419536413\"}";
  private static final String CONFLICT =
      "{\"timestamp\":\"2025-08-18T10:15:30.123Z\",\"status\":409,\"errorType\":\"CONFLICT\","
          + "\"message\":\"Webhook already exists\",\"corrId\":\"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d\"}";

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  private WebhooksService webhooks() {
    return mock.client().webhooks();
  }

  private RecordedRequest take(String method, String path) {
    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getTarget()).isEqualTo(path);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(BASIC);
    return request;
  }

  private static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  // --- create

  @Test
  void createPostsEventsAndUrlAndReturnsTheSecret() {
    mock.enqueueFixture(201, "createWebhook.json");

    CreatedWebhook created =
        webhooks().create(URL, Set.of(WebhookType.SLEEP, WebhookType.EXERCISE));

    RecordedRequest request = take("POST", "/v3/webhooks");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(body(request))
        .isEqualTo(
            "{\"events\":[\"EXERCISE\",\"SLEEP\"],\"url\":\"https://myapp.example.com/acl_webhook\"}");
    assertThat(created.id()).isEqualTo("abdf33");
    assertThat(created.events()).containsExactly(WebhookType.EXERCISE);
    assertThat(created.url()).isEqualTo(URL);
    assertThat(created.webhook().active()).isTrue();
    assertThat(created.secret().reveal()).isEqualTo(KEY);
    assertThat(created.toString()).doesNotContain(KEY).contains("██").contains("abdf33");
    assertThat(created.secret().toString()).doesNotContain(KEY);
  }

  @Test
  void createWithoutTheKeyInTheResponseIsAnInvalidResponse() {
    mock.enqueueJson(
        201, "{\"data\":{\"id\":\"abdf33\",\"events\":[\"EXERCISE\"],\"url\":\"" + URL + "\"}}");

    assertThatThrownBy(() -> webhooks().create(URL, Set.of(WebhookType.EXERCISE)))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining(
            "created webhook abdf33 but answered without its signature secret key")
        .hasMessageContaining("delete it");
  }

  @Test
  void secondCreateIsAConflict() {
    mock.enqueueJson(409, CONFLICT);

    assertThatThrownBy(() -> webhooks().create(URL, Set.of(WebhookType.EXERCISE)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("POST /v3/webhooks failed with HTTP 409")
        .hasMessageContaining("Webhook already exists");
  }

  @Test
  void failedPingIsABadRequestWithPolarsErrorType() {
    mock.enqueueJson(400, PING_FAILED);

    assertThatThrownBy(() -> webhooks().create(URL, Set.of(WebhookType.EXERCISE)))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).errorType())
            .contains("WebhookPingFailedException"));
  }

  @Test
  void createRejectsUselessArgumentsBeforeSendingAnything() {
    assertThatThrownBy(() -> webhooks().create(URL, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> webhooks().create(URL, Set.of(WebhookType.UNKNOWN_DEFAULT_OPEN_API)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> webhooks().create(URI.create("/relative"), Set.of(WebhookType.SLEEP)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mock.server().getRequestCount()).isZero();
  }

  @Test
  void createIsNotRetriedOnAServerError() {
    // A retrying client: a 5xx after a create may mean it happened, so it is not sent again.
    try (AccessLink retrying = retryingClient()) {
      mock.enqueueStatus(503).enqueueFixture(201, "createWebhook.json");

      assertThatThrownBy(() -> retrying.webhooks().create(URL, Set.of(WebhookType.EXERCISE)))
          .isInstanceOf(ServerException.class);
      assertThat(mock.server().getRequestCount()).isEqualTo(1);
    }
  }

  // --- get

  @Test
  void getReadsTheWebhook() {
    mock.enqueueFixture(200, "getWebhook.json");

    Optional<Webhook> webhook = webhooks().get();

    take("GET", "/v3/webhooks");
    assertThat(webhook).contains(Webhook.of("abdf33", Set.of(WebhookType.EXERCISE), URL, true));
  }

  @Test
  void getWithAnEmptyDataArrayIsEmpty() {
    mock.enqueueJson(200, "{\"data\": []}");

    assertThat(webhooks().get()).isEmpty();
  }

  @Test
  void getWith204IsEmpty() {
    mock.enqueueStatus(204);

    assertThat(webhooks().get()).isEmpty();
  }

  @Test
  void getReadsInactiveAndToleratesUnknownEventTypes() {
    mock.enqueueJson(
        200,
        "{\"data\":[{\"id\":\"abdf33\",\"events\":[\"SLEEP\",\"HYPOTHETICAL\"],\"url\":\"" + URL
            + "\",\"active\":false}]}");

    Webhook webhook = webhooks().get().orElseThrow();

    assertThat(webhook.active()).isFalse();
    assertThat(webhook.events())
        .containsExactly(WebhookType.SLEEP, WebhookType.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void aWebhookWithoutTheActiveFieldCountsAsActive() {
    mock.enqueueJson(
        200, "{\"data\":[{\"id\":\"abdf33\",\"events\":[\"SLEEP\"],\"url\":\"" + URL + "\"}]}");

    assertThat(webhooks().get().orElseThrow().active()).isTrue();
  }

  @Test
  void getIsRetriedOnAServerError() {
    try (AccessLink retrying = retryingClient()) {
      mock.enqueueStatus(503).enqueueFixture(200, "getWebhook.json");

      assertThat(retrying.webhooks().get()).isPresent();
      assertThat(mock.server().getRequestCount()).isEqualTo(2);
    }
  }

  // --- update

  @Test
  void updatePatchesUrlAndEvents() {
    mock.enqueueFixture(200, "updateWebhook.json");

    Webhook webhook = webhooks()
        .update("abdf33", URL_V2, EnumSet.of(WebhookType.EXERCISE, WebhookType.ACTIVITY_SUMMARY));

    RecordedRequest request = take("PATCH", "/v3/webhooks/abdf33");
    assertThat(body(request))
        .isEqualTo("{\"events\":[\"EXERCISE\",\"ACTIVITY_SUMMARY\"],\"url\":\"" + URL_V2 + "\"}");
    assertThat(webhook)
        .isEqualTo(Webhook.of(
            "abdf33", Set.of(WebhookType.EXERCISE, WebhookType.ACTIVITY_SUMMARY), URL_V2, true));
  }

  @Test
  void updateUrlSendsOnlyTheUrlSoTheSubscriptionIsKept() {
    mock.enqueueFixture(200, "updateWebhook.json");

    webhooks().updateUrl("abdf33", URL_V2);

    assertThat(body(take("PATCH", "/v3/webhooks/abdf33")))
        .isEqualTo("{\"url\":\"" + URL_V2 + "\"}");
  }

  @Test
  void updateEventsSendsOnlyTheEvents() {
    mock.enqueueFixture(200, "updateWebhook.json");

    webhooks().updateEvents("abdf33", Set.of(WebhookType.SLEEP));

    assertThat(body(take("PATCH", "/v3/webhooks/abdf33"))).isEqualTo("{\"events\":[\"SLEEP\"]}");
  }

  @Test
  void updateOfAnUnknownIdIsNotFound() {
    mock.enqueueJson(
        404, "{\"status\":404,\"errorType\":\"NOT_FOUND\",\"message\":\"Webhook not found\"}");

    assertThatThrownBy(() -> webhooks().updateEvents("nope", Set.of(WebhookType.SLEEP)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("PATCH /v3/webhooks/nope failed with HTTP 404");
  }

  // --- activate, deactivate, delete

  @Test
  void activateIsTrueOn200() {
    mock.enqueueStatus(200);

    assertThat(webhooks().activate()).isTrue();
    assertThat(body(take("POST", "/v3/webhooks/activate"))).isEmpty();
  }

  @Test
  void activateIsFalseWhenNoWebhookExists() {
    mock.enqueueStatus(204);

    assertThat(webhooks().activate()).isFalse();
  }

  @Test
  void deactivateIsTrueOn200AndFalseOn204() {
    mock.enqueueStatus(200).enqueueStatus(204);

    assertThat(webhooks().deactivate()).isTrue();
    take("POST", "/v3/webhooks/deactivate");
    assertThat(webhooks().deactivate()).isFalse();
    take("POST", "/v3/webhooks/deactivate");
  }

  @Test
  void deleteSendsTheId() {
    mock.enqueueStatus(204);

    webhooks().delete("abdf33");

    take("DELETE", "/v3/webhooks/abdf33");
  }

  @Test
  void deleteOfAnUnknownIdIsNotFound() {
    mock.enqueueStatus(404);

    assertThatThrownBy(() -> webhooks().delete("abdf33")).isInstanceOf(NotFoundException.class);
  }

  // --- ensure

  @Test
  void ensureCreatesWhenNoneExists() {
    mock.enqueueJson(200, "{\"data\": []}").enqueueFixture(201, "createWebhook.json");

    EnsuredWebhook result = webhooks().ensure(URL, Set.of(WebhookType.EXERCISE));

    take("GET", "/v3/webhooks");
    assertThat(body(take("POST", "/v3/webhooks")))
        .isEqualTo("{\"events\":[\"EXERCISE\"],\"url\":\"" + URL + "\"}");
    assertThat(result.created()).isTrue();
    assertThat(result.updated()).isFalse();
    assertThat(result.reactivated()).isFalse();
    assertThat(result.unchanged()).isFalse();
    assertThat(result.secret()).map(s -> s.reveal()).contains(KEY);
    assertThat(result.webhook().id()).isEqualTo("abdf33");
    assertThat(result.toString()).doesNotContain(KEY);
  }

  @Test
  void ensureDoesNothingWhenTheWebhookMatches() {
    mock.enqueueFixture(200, "getWebhook.json");

    EnsuredWebhook result = webhooks().ensure(URL, Set.of(WebhookType.EXERCISE));

    take("GET", "/v3/webhooks");
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
    assertThat(result.unchanged()).isTrue();
    assertThat(result.created()).isFalse();
    assertThat(result.secret()).isEmpty();
    assertThat(result.webhook())
        .isEqualTo(Webhook.of("abdf33", Set.of(WebhookType.EXERCISE), URL, true));
  }

  @Test
  void ensureUpdatesWhatDiffersAndReactivates() {
    mock.enqueueJson(
            200,
            "{\"data\":[{\"id\":\"abdf33\",\"events\":[\"EXERCISE\",\"ACTIVITY_SUMMARY\"],\"url\":\""
                + URL + "\",\"active\":false}]}")
        .enqueueJson(
            200,
            "{\"data\":[{\"id\":\"abdf33\",\"events\":[\"EXERCISE\",\"ACTIVITY_SUMMARY\"],\"url\":\""
                + URL_V2 + "\",\"active\":false}]}")
        .enqueueStatus(200);

    EnsuredWebhook result =
        webhooks().ensure(URL_V2, Set.of(WebhookType.ACTIVITY_SUMMARY, WebhookType.EXERCISE));

    take("GET", "/v3/webhooks");
    // Only the URL differs, so only the URL is sent.
    assertThat(body(take("PATCH", "/v3/webhooks/abdf33")))
        .isEqualTo("{\"url\":\"" + URL_V2 + "\"}");
    take("POST", "/v3/webhooks/activate");
    assertThat(result.updated()).isTrue();
    assertThat(result.reactivated()).isTrue();
    assertThat(result.created()).isFalse();
    assertThat(result.secret()).isEmpty();
    assertThat(result.webhook())
        .isEqualTo(Webhook.of(
            "abdf33", Set.of(WebhookType.EXERCISE, WebhookType.ACTIVITY_SUMMARY), URL_V2, true));
  }

  @Test
  void ensureUpdatesOnlyEventsWhenOnlyTheyDiffer() {
    mock.enqueueFixture(200, "getWebhook.json")
        .enqueueJson(
            200,
            "{\"data\":[{\"id\":\"abdf33\",\"events\":[\"EXERCISE\",\"SLEEP\"],\"url\":\"" + URL
                + "\",\"active\":true}]}");

    EnsuredWebhook result = webhooks().ensure(URL, Set.of(WebhookType.SLEEP, WebhookType.EXERCISE));

    take("GET", "/v3/webhooks");
    assertThat(body(take("PATCH", "/v3/webhooks/abdf33")))
        .isEqualTo("{\"events\":[\"EXERCISE\",\"SLEEP\"]}");
    assertThat(mock.server().getRequestCount()).isEqualTo(2);
    assertThat(result.updated()).isTrue();
    assertThat(result.reactivated()).isFalse();
  }

  @Test
  void ensureOnlyReactivatesWhenOnlyInactive() {
    mock.enqueueJson(
            200,
            "{\"data\":[{\"id\":\"abdf33\",\"events\":[\"EXERCISE\"],\"url\":\"" + URL
                + "\",\"active\":false}]}")
        .enqueueStatus(200);

    EnsuredWebhook result = webhooks().ensure(URL, Set.of(WebhookType.EXERCISE));

    take("GET", "/v3/webhooks");
    take("POST", "/v3/webhooks/activate");
    assertThat(result.reactivated()).isTrue();
    assertThat(result.updated()).isFalse();
    assertThat(result.webhook().active()).isTrue();
  }

  /** A client on the same mock server that retries up to three attempts, without waiting. */
  private AccessLink retryingClient() {
    return AccessLink.builder()
        .clientId(MockAccessLink.CLIENT_ID)
        .clientSecret(ClientSecret.of(MockAccessLink.CLIENT_SECRET))
        .apiUrl(mock.server().url("/").uri())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
        .sleeper(d -> {})
        .build();
  }
}
