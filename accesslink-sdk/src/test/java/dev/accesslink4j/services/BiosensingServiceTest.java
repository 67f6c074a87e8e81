package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.generated.model.BodyTemperaturePeriod;
import dev.accesslink4j.generated.model.EcgTestResult;
import dev.accesslink4j.generated.model.QualityMeasurement;
import dev.accesslink4j.generated.model.SkinContactPeriod;
import dev.accesslink4j.generated.model.SkinTemperature;
import dev.accesslink4j.generated.model.Spo2TestResult;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BiosensingServiceTest {
  private static final LocalDate FROM = LocalDate.of(2023, 10, 1);
  private static final LocalDate TO = LocalDate.of(2023, 10, 28);

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void bodyTemperatureOfTheLast28Days() {
    mock.enqueueFixture(200, "listBodyTemperature.json");

    List<BodyTemperaturePeriod> periods = mock.user().biosensing().bodyTemperature();

    assertJsonGet(mock.takeRequest(), "/v3/users/biosensing/bodytemperature", null);
    BodyTemperaturePeriod p = periods.get(0);
    assertThat(p.getSourceDeviceId()).isEqualTo("1111AAAA");
    assertThat(p.getMeasurementType())
        .isEqualTo(BodyTemperaturePeriod.MeasurementTypeEnum.TM_CORE_TEMPERATURE);
    assertThat(p.getSensorLocation())
        .isEqualTo(BodyTemperaturePeriod.SensorLocationEnum.SL_PROXIMAL);
    assertThat(p.getStartTime()).isEqualTo(LocalDateTime.of(2023, 10, 20, 4, 0));
    assertThat(p.getEndTime()).isEqualTo(LocalDateTime.of(2023, 10, 20, 5, 0));
    assertThat(p.getSamples()).singleElement().satisfies(s -> {
      assertThat(s.getTemperatureCelsius()).isEqualTo(36.5f);
      assertThat(s.getRecordingTimeDeltaMilliseconds()).isEqualTo(123L);
    });
  }

  @Test
  void skinTemperatureOfARange() {
    mock.enqueueFixture(200, "listSkinTemperature.json");

    List<SkinTemperature> nights = mock.user().biosensing().skinTemperature(FROM, TO);

    assertJsonGet(
        mock.takeRequest(),
        "/v3/users/biosensing/skintemperature",
        "from=2023-10-01&to=2023-10-28");
    assertThat(nights).singleElement().satisfies(n -> {
      assertThat(n.getSleepTimeSkinTemperatureCelsius()).isEqualTo(36.5f);
      assertThat(n.getDeviationFromBaselineCelsius()).isEqualTo(0.5f);
      assertThat(n.getSleepDate()).isEqualTo(LocalDate.of(2023, 10, 20));
    });
  }

  @Test
  void skinContacts() {
    mock.enqueueFixture(200, "listSkinContacts.json");

    List<SkinContactPeriod> periods = mock.user().biosensing().skinContacts();

    assertJsonGet(mock.takeRequest(), "/v3/users/biosensing/skincontacts", null);
    assertThat(periods.get(0).getModifiedTime()).isEqualTo(LocalDateTime.of(2023, 10, 20, 4, 0));
    assertThat(periods.get(0).getSkinContactChanges()).singleElement().satisfies(c -> {
      assertThat(c.getSkinContact()).isTrue();
      assertThat(c.getRecordingTimeDeltaMilliseconds()).isEqualTo(123L);
    });
  }

  @Test
  void ecgTests() {
    mock.enqueueFixture(200, "listEcgTests.json");

    List<EcgTestResult> tests = mock.user().biosensing().ecgTests(FROM, TO);

    assertJsonGet(mock.takeRequest(), "/v3/users/biosensing/ecg", "from=2023-10-01&to=2023-10-28");
    EcgTestResult t = tests.get(0);
    assertThat(t.getTestTime()).isEqualTo(1697787256L);
    assertThat(t.getTimeZoneOffset()).isEqualTo(180);
    assertThat(t.getAverageHeartRateBpm()).isEqualTo(60);
    assertThat(t.getHeartRateVariabilityLevel())
        .isEqualTo(EcgTestResult.HeartRateVariabilityLevelEnum.ECG_HRV_LEVEL_NO_BASELINE);
    assertThat(t.getSamples()).singleElement().satisfies(s -> {
      assertThat(s.getRecordingTimeDeltaMs()).isEqualTo(123);
      assertThat(s.getAmplitudeMv()).isEqualTo(0.1f);
    });
    assertThat(t.getQualityMeasurements())
        .singleElement()
        .extracting(QualityMeasurement::getQualityLevel)
        .isEqualTo(QualityMeasurement.QualityLevelEnum.ECG_QUALITY_HIGH);
  }

  @Test
  void spo2Tests() {
    mock.enqueueFixture(200, "listSpo2Tests.json");

    List<Spo2TestResult> tests = mock.user().biosensing().spo2Tests();

    assertJsonGet(mock.takeRequest(), "/v3/users/biosensing/spo2", null);
    Spo2TestResult t = tests.get(0);
    assertThat(t.getTestStatus()).isEqualTo(Spo2TestResult.TestStatusEnum.SPO2_TEST_PASSED);
    assertThat(t.getBloodOxygenPercent()).isEqualTo(95);
    assertThat(t.getSpo2Class()).isEqualTo(Spo2TestResult.Spo2ClassEnum.SPO2_CLASS_NORMAL);
    assertThat(t.getSpo2QualityAveragePercent()).isEqualTo(90f);
    assertThat(t.getAltitudeMeters()).isEqualTo(50f);
  }

  static Stream<Arguments> operations() {
    return Stream.of(
        op(
            "bodytemperature",
            BiosensingService::bodyTemperature,
            BiosensingService::bodyTemperature),
        op(
            "skintemperature",
            BiosensingService::skinTemperature,
            BiosensingService::skinTemperature),
        op("skincontacts", BiosensingService::skinContacts, BiosensingService::skinContacts),
        op("ecg", BiosensingService::ecgTests, BiosensingService::ecgTests),
        op("spo2", BiosensingService::spo2Tests, BiosensingService::spo2Tests));
  }

  private static Arguments op(
      String path, Function<BiosensingService, List<?>> last28Days, Range range) {
    return Arguments.of(path, last28Days, range);
  }

  /** A range operation of the service. */
  interface Range {
    List<?> call(BiosensingService service, LocalDate from, LocalDate to);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void noContentIsAnEmptyList(
      String path, Function<BiosensingService, List<?>> last28Days, Range range) {
    mock.enqueueStatus(204);
    mock.enqueueStatus(204);
    BiosensingService biosensing = mock.user().biosensing();

    assertThat(last28Days.apply(biosensing)).isEmpty();
    assertThat(range.call(biosensing, FROM, TO)).isEmpty();
    assertJsonGet(mock.takeRequest(), "/v3/users/biosensing/" + path, null);
    assertJsonGet(
        mock.takeRequest(), "/v3/users/biosensing/" + path, "from=2023-10-01&to=2023-10-28");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void rangesOverTheLimitAreRefusedBeforeAnyRequest(
      String path, Function<BiosensingService, List<?>> last28Days, Range range) {
    BiosensingService biosensing = mock.user().biosensing();

    assertThatThrownBy(() -> range.call(biosensing, FROM, TO.plusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covers 29 dates, but AccessLink serves at most 28 days");
    assertThatThrownBy(() -> range.call(biosensing, TO, FROM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from (2023-10-28) is after to (2023-10-01)");
    assertThat(mock.server().getRequestCount()).isZero();
  }
}
