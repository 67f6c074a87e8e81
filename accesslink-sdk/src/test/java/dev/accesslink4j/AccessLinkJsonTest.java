package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.generated.model.TrainingSession;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link AccessLinkJson#gson()} reads and writes the models as every client does. */
class AccessLinkJsonTest {
  private static final String POLAR_JSON =
      "{\"id\":\"aQlC83\",\"upload_time\":\"2008-10-13T10:40:0.000Z\",\"start_time\":\"2008-10-13T10:40\","
          + "\"duration\":\"PT14295.773S\",\"device\":\"Polar <Vantage> & co\"}";

  @Test
  void readsPolarsLenientValuesLikeTheClient() {
    TrainingSession session = AccessLinkJson.gson().fromJson(POLAR_JSON, TrainingSession.class);

    assertThat(session.getUploadTime())
        .isEqualTo(OffsetDateTime.of(2008, 10, 13, 10, 40, 0, 0, ZoneOffset.UTC));
    assertThat(session.getStartTime()).isEqualTo(LocalDateTime.of(2008, 10, 13, 10, 40));
    assertThat(session.getDuration()).isEqualTo(Duration.ofMillis(14_295_773));
  }

  @Test
  void writesIsoValuesWithoutHtmlEscapingAndReadsThemBack() {
    TrainingSession session = AccessLinkJson.gson().fromJson(POLAR_JSON, TrainingSession.class);

    String json = AccessLinkJson.gson().toJson(session);

    assertThat(json)
        .contains("\"upload_time\":\"2008-10-13T10:40Z\"")
        .contains("\"start_time\":\"2008-10-13T10:40\"")
        .contains("\"duration\":\"PT3H58M15.773S\"")
        .contains("\"device\":\"Polar <Vantage> & co\"");
    assertThat(AccessLinkJson.gson().fromJson(json, TrainingSession.class)).isEqualTo(session);
  }

  @Test
  void isTheGsonEveryClientParsesWith() {
    try (AccessLink client = AccessLink.builder()
        .clientId("id")
        .clientSecret(ClientSecret.of("secret"))
        .build()) {
      assertThat(client.http().gson()).isSameAs(AccessLinkJson.gson());
    }
  }
}
