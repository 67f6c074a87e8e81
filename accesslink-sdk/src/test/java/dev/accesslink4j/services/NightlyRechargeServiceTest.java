package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.model.NightlyRecharge;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NightlyRechargeServiceTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void listReadsTheResultsOfTheLast28Days() {
    mock.enqueueFixture(200, "listNightlyRecharges.json");

    List<NightlyRecharge> results = mock.user().nightlyRecharge().list();

    assertJsonGet(mock.takeRequest(), "/v3/users/nightly-recharge", null);
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.getDate()).isEqualTo(LocalDate.of(2020, 1, 1));
      assertThat(r.getHeartRateAvg()).isEqualTo(70);
      assertThat(r.getBeatToBeatAvg()).isEqualTo(816);
      assertThat(r.getHeartRateVariabilityAvg()).isEqualTo(28);
      assertThat(r.getBreathingRateAvg()).isEqualTo(14.1f);
      assertThat(r.getNightlyRechargeStatus()).isEqualTo(3);
      assertThat(r.getAnsCharge()).isEqualTo(0f);
      assertThat(r.getHrvSamples())
          .containsExactly(Map.entry("00:41", 14), Map.entry("00:46", 14), Map.entry("00:51", 15));
      assertThat(r.getBreathingSamples()).containsEntry("00:44", 13.5f);
    });
  }

  @Test
  void listIsEmptyWithoutResults() {
    mock.enqueueJson(200, "{\"recharges\":[]}");
    mock.enqueueJson(200, "{}");
    mock.enqueueStatus(204);

    assertThat(mock.user().nightlyRecharge().list()).isEmpty();
    assertThat(mock.user().nightlyRecharge().list()).isEmpty();
    assertThat(mock.user().nightlyRecharge().list()).isEmpty();
  }

  @Test
  void getReadsOneNight() {
    mock.enqueueFixture(200, "getNightlyRecharge.json");

    Optional<NightlyRecharge> result = mock.user().nightlyRecharge().get(LocalDate.of(2020, 1, 1));

    assertJsonGet(mock.takeRequest(), "/v3/users/nightly-recharge/2020-01-01", null);
    assertThat(result).get().extracting(NightlyRecharge::getAnsChargeStatus).isEqualTo(3);
  }

  @Test
  void getIsEmptyWhenTheNightHasNoResult() {
    mock.enqueueStatus(404);

    assertThat(mock.user().nightlyRecharge().get(LocalDate.of(2020, 1, 2))).isEmpty();
  }

  @Test
  void getStillThrowsWhenTheTokenIsRevoked() {
    mock.enqueueStatus(401);

    assertThatThrownBy(() -> mock.user().nightlyRecharge().get(LocalDate.of(2020, 1, 2)))
        .isInstanceOf(UnauthorizedException.class);
  }
}
