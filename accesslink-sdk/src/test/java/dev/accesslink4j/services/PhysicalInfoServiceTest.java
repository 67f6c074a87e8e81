package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.generated.model.PhysicalInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PhysicalInfoServiceTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void getReadsTheCurrentValues() {
    mock.enqueueFixture(200, "getPhysicalInfo.json");

    PhysicalInfo info = mock.user().physicalInfo().get().orElseThrow();

    assertJsonGet(mock.takeRequest(), "/v3/users/physical-info", null);
    assertThat(info.getWeight()).isEqualTo(80f);
    assertThat(info.getHeight()).isEqualTo(180f);
    assertThat(info.getCreated()).isEqualTo(OffsetDateTime.parse("2016-04-27T20:11:33Z"));
    assertThat(info.getModified()).isEqualTo(OffsetDateTime.parse("2025-08-18T07:42:10Z"));
    assertThat(info.getBirthday()).isEqualTo(LocalDate.of(1985, 9, 6));
    assertThat(info.getGender()).isEqualTo(PhysicalInfo.GenderEnum.MALE);
    assertThat(info.getMaximumHeartRate()).isEqualTo(160);
    assertThat(info.getRestingHeartRate()).isEqualTo(60);
    assertThat(info.getAerobicThreshold()).isEqualTo(123);
    assertThat(info.getAnaerobicThreshold()).isEqualTo(145);
    assertThat(info.getVo2Max()).isEqualTo(48);
    assertThat(info.getWeightSource()).isEqualTo(PhysicalInfo.WeightSourceEnum.SOURCE_MEASURED);
    assertThat(info.getTrainingBackground()).isEqualTo(PhysicalInfo.TrainingBackgroundEnum.REGULAR);
    assertThat(info.getTypicalDay()).isEqualTo(PhysicalInfo.TypicalDayEnum.MOSTLY_SITTING);
    assertThat(info.getSleepGoal()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void aNotRegisteredUserIsAnErrorNotAnEmptyResult() {
    mock.enqueueJson(
        404,
        "{\"error\":{\"error_type\":\"NOT_FOUND\",\"message\":\"user not found\",\"corr_id\":\"c-9\"}}");

    assertThatThrownBy(() -> mock.user().physicalInfo().get())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("GET /v3/users/physical-info failed with HTTP 404")
        .hasMessageContaining("user not found")
        .hasMessageContaining("c-9");
  }

  @Test
  void anUndocumented204IsEmpty() {
    mock.enqueueStatus(204);

    assertThat(mock.user().physicalInfo().get()).isEmpty();
  }
}
