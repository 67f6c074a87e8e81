package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.generated.model.AvailableSleep;
import dev.accesslink4j.generated.model.Sleep;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SleepServiceTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void listReadsTheNightsOfTheLast28Days() {
    mock.enqueueFixture(200, "listSleep.json");

    List<Sleep> nights = mock.user().sleep().list();

    assertJsonGet(mock.takeRequest(), "/v3/users/sleep", null);
    assertThat(nights).hasSize(1);
    Sleep night = nights.get(0);
    assertThat(night.getPolarUser())
        .isEqualTo(URI.create("https://www.polaraccesslink.com/v3/users/1"));
    assertThat(night.getDate()).isEqualTo(LocalDate.of(2020, 1, 1));
    assertThat(night.getSleepStartTime())
        .isEqualTo(OffsetDateTime.parse("2020-01-01T00:39:07+03:00"));
    assertThat(night.getSleepEndTime())
        .isEqualTo(OffsetDateTime.parse("2020-01-01T09:19:37+03:00"));
    assertThat(night.getContinuity()).isEqualTo(2.1f);
    assertThat(night.getSleepScore()).isEqualTo(80);
    assertThat(night.getTotalInterruptionDuration()).isEqualTo(800);
    assertThat(night.getGroupRegenerationScore()).isEqualTo(54.2f);
    assertThat(night.getHypnogram())
        .containsExactly(
            java.util.Map.entry("00:39", 2),
            java.util.Map.entry("00:50", 3),
            java.util.Map.entry("01:23", 4));
    assertThat(night.getHeartRateSamples()).containsEntry("00:46", 77);
  }

  @Test
  void listIsEmptyWhenThereAreNoNights() {
    mock.enqueueJson(200, "{\"nights\":[]}");
    mock.enqueueJson(200, "{}");
    mock.enqueueStatus(204);

    assertThat(mock.user().sleep().list()).isEmpty();
    assertThat(mock.user().sleep().list()).isEmpty();
    assertThat(mock.user().sleep().list()).isEmpty();
  }

  @Test
  void getReadsOneNight() {
    mock.enqueueFixture(200, "getSleep.json");

    Optional<Sleep> night = mock.user().sleep().get(LocalDate.of(2020, 1, 1));

    assertJsonGet(mock.takeRequest(), "/v3/users/sleep/2020-01-01", null);
    assertThat(night)
        .get()
        .extracting(Sleep::getDeviceId, Sleep::getSleepCycles, Sleep::getSleepCharge)
        .containsExactly("1111AAAA", 6, 3);
  }

  @Test
  void getIsEmptyWhenTheNightHasNoData() {
    mock.enqueueJson(404, "{\"error\":{\"error_type\":\"NOT_FOUND\",\"corr_id\":\"c-1\"}}");

    assertThat(mock.user().sleep().get(LocalDate.of(2020, 1, 2))).isEmpty();
    assertJsonGet(mock.takeRequest(), "/v3/users/sleep/2020-01-02", null);
  }

  @Test
  void getStillThrowsForOtherErrors() {
    mock.enqueueJson(403, "{\"error\":{\"error_type\":\"CONSENT_REQUIRED\",\"corr_id\":\"c-2\"}}");

    assertThatThrownBy(() -> mock.user().sleep().get(LocalDate.of(2020, 1, 2)))
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessageContaining("GET /v3/users/sleep/2020-01-02 failed with HTTP 403");
  }

  @Test
  void availableListsTheNightsWithData() {
    mock.enqueueFixture(200, "listAvailableSleep.json");

    List<AvailableSleep> available = mock.user().sleep().available();

    assertJsonGet(mock.takeRequest(), "/v3/users/sleep/available", null);
    assertThat(available).singleElement().satisfies(a -> {
      assertThat(a.getDate()).isEqualTo(LocalDate.of(2020, 1, 1));
      assertThat(a.getStartTime()).isEqualTo(OffsetDateTime.parse("2020-01-01T00:39:07+03:00"));
      assertThat(a.getEndTime()).isEqualTo(OffsetDateTime.parse("2020-01-01T09:39:07+03:00"));
    });
  }

  @Test
  void availableIsEmptyWithoutData() {
    mock.enqueueStatus(204);
    mock.enqueueJson(200, "{\"available\":null}");

    assertThat(mock.user().sleep().available()).isEmpty();
    assertThat(mock.user().sleep().available()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIsAnInvalidResponse() {
    mock.enqueueJson(200, "<html>maintenance</html>");

    assertThatThrownBy(() -> mock.user().sleep().list())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("GET /v3/users/sleep");
  }
}
