package dev.accesslink4j.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.TestFiles;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.generated.model.Activity;
import dev.accesslink4j.generated.model.Exercise;
import dev.accesslink4j.generated.model.HeartRateZones;
import dev.accesslink4j.generated.model.PhysicalInformation;
import dev.accesslink4j.generated.model.SampleSeries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The safe loop and the explicit API: what is sent, handed over and committed, and when. */
class TransactionsServiceTest extends TransactionTestSupport {
  // ---------------------------------------------------------------- happy paths

  @Test
  void exercisesHandsEverySessionThenCommitsAndLoopsUntilNothingIsNew() {
    created("exercise-transactions", 12, 34);
    m.enqueueJson(200, local("getExerciseTransaction.json")); // sessions 56 and 120
    exercise(56);
    exercise(120);
    m.enqueueStatus(200); // commit
    created("exercise-transactions", 12, 35);
    listed("exercises", "exercise-transactions", 12, 35, "exercises", 7);
    exercise(7);
    m.enqueueStatus(200);
    m.enqueueStatus(204); // nothing new

    List<String> seen = new ArrayList<>();
    TransactionResult result = tx(m)
        .exercises(item -> seen.add(
            item.transactionId() + "/" + item.id() + "/" + item.summary().getId()));

    assertThat(result).isEqualTo(new TransactionResult(2, 3, 0));
    assertThat(seen).containsExactly("34/56/56", "34/120/120", "35/7/7");
    take("POST", "/v3/users/12/exercise-transactions");
    take("GET", "/v3/users/12/exercise-transactions/34");
    take("GET", "/v3/users/12/exercise-transactions/34/exercises/56");
    take("GET", "/v3/users/12/exercise-transactions/34/exercises/120");
    takeCommit("/v3/users/12/exercise-transactions/34");
    take("POST", "/v3/users/12/exercise-transactions");
    take("GET", "/v3/users/12/exercise-transactions/35");
    take("GET", "/v3/users/12/exercise-transactions/35/exercises/7");
    takeCommit("/v3/users/12/exercise-transactions/35");
    take("POST", "/v3/users/12/exercise-transactions");
    assertThat(m.server().getRequestCount()).isEqualTo(10);
  }

  @Test
  void theExerciseSummaryIsParsedFromTheSpecExample() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 56);
    m.enqueueFixture(200, "getTransactionExercise.json");
    m.enqueueStatus(200);
    m.enqueueStatus(204);

    AtomicReference<Exercise> summary = new AtomicReference<>();
    tx(m).exercises(item -> summary.set(item.summary()));

    Exercise e = summary.get();
    assertThat(e.getId()).isEqualTo(1937529874L);
    assertThat(e.getDevice()).isEqualTo("Polar M400");
    assertThat(e.getDuration()).isEqualTo(Duration.parse("PT2H44M45S"));
    assertThat(e.getStartTimeUtcOffset()).isEqualTo(180);
    assertThat(e.getHeartRate().getAverage()).isEqualTo(129);
    assertThat(e.getDetailedSportInfo()).isEqualTo("RUNNING");
  }

  @Test
  void anExerciseItemStreamsFilesAndReadsZonesAndSamplesInsideTheTransaction(@TempDir Path dir)
      throws IOException {
    created("exercise-transactions", 12, 34);
    m.enqueueJson(200, local("getExerciseTransaction.json"));
    exercise(56);
    m.enqueue(new MockResponse.Builder()
        .code(200)
        .body(new Buffer().write(TestFiles.garminFit()))
        .build());
    m.enqueue(new MockResponse.Builder()
        .code(200)
        .body(new Buffer().write(gzip("<TrainingCenterDatabase/>")))
        .build());
    m.enqueue(new MockResponse.Builder().code(200).body("<gpx/>").build());
    m.enqueueFixture(200, "getTransactionExerciseHeartRateZones.json");
    m.enqueueJson(
        200, local("getTransactionExerciseSamples.json")); // types 0 and 3, for sampleTypes()
    m.enqueueJson(200, local("getTransactionExerciseSamples.json")); // again, for samples()
    m.enqueueFixture(200, "getTransactionExerciseSample.json");
    m.enqueueStatus(204); // type 3: no data
    m.enqueueStatus(204); // session 120: no data
    m.enqueueStatus(200);
    m.enqueueStatus(204);

    Path fit = dir.resolve("56.fit");
    ByteArrayOutputStream tcx = new ByteArrayOutputStream();
    ByteArrayOutputStream gpx = new ByteArrayOutputStream();
    AtomicReference<Optional<HeartRateZones>> zones = new AtomicReference<>();
    AtomicReference<List<String>> types = new AtomicReference<>();
    AtomicReference<List<SampleSeries>> samples = new AtomicReference<>();
    AtomicReference<ExerciseItem> kept = new AtomicReference<>();

    TransactionResult result = tx(m).exercises(item -> {
      kept.set(item);
      assertThat(item.downloadFit(fit)).contains(fit);
      assertThat(item.downloadTcx(tcx)).hasValue("<TrainingCenterDatabase/>".length());
      assertThat(item.downloadGpx(gpx, true)).hasValue(6);
      zones.set(item.heartRateZones());
      types.set(item.sampleTypes());
      samples.set(item.samples());
    });

    assertThat(result).isEqualTo(new TransactionResult(1, 1, 1));
    assertThat(Files.readAllBytes(fit)).isEqualTo(TestFiles.garminFit());
    assertThat(tcx.toString(StandardCharsets.UTF_8)).isEqualTo("<TrainingCenterDatabase/>");
    assertThat(gpx.toString(StandardCharsets.UTF_8)).isEqualTo("<gpx/>");
    assertThat(zones.get()).hasValueSatisfying(z -> assertThat(z.getZone()).hasSize(1));
    assertThat(zones.get().orElseThrow().getZone().get(0).getInZone())
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(types.get()).containsExactly("0", "3");
    assertThat(samples.get())
        .singleElement()
        .satisfies(s -> assertThat(s.getData()).startsWith("0,100,102"));

    String item = "/v3/users/12/exercise-transactions/34/exercises/56";
    take("POST", "/v3/users/12/exercise-transactions");
    take("GET", "/v3/users/12/exercise-transactions/34");
    take("GET", item);
    assertThat(take("GET", item + "/fit").getHeaders().get("Accept"))
        .isEqualTo("*/*, application/json");
    assertThat(take("GET", item + "/tcx").getHeaders().get("Accept"))
        .isEqualTo("application/vnd.garmin.tcx+xml, application/json");
    assertThat(take("GET", item + "/gpx?includePauseTimes=true").getHeaders().get("Accept"))
        .isEqualTo("application/gpx+xml, application/json");
    take("GET", item + "/heart-rate-zones");
    take("GET", item + "/samples");
    take("GET", item + "/samples");
    take("GET", item + "/samples/0");
    take("GET", item + "/samples/3");
    take("GET", "/v3/users/12/exercise-transactions/34/exercises/120");
    takeCommit("/v3/users/12/exercise-transactions/34");
    take("POST", "/v3/users/12/exercise-transactions");

    int before = m.server().getRequestCount();
    assertThatThrownBy(() -> kept.get().heartRateZones())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exercise transaction 34 is committed");
    assertThat(m.server().getRequestCount()).isEqualTo(before);
  }

  @Test
  void activitiesHandEverySummaryWithItsSamplesThenCommit() {
    created("activity-transactions", 12, 34);
    m.enqueueJson(200, local("getActivityTransaction.json")); // 56 and 120
    m.enqueueFixture(200, "getTransactionActivity.json");
    m.enqueueFixture(200, "getTransactionActivityStepSamples.json");
    m.enqueueFixture(200, "getTransactionActivityZoneSamples.json");
    m.enqueueFixture(200, "getTransactionActivity.json");
    m.enqueueStatus(204); // no step samples
    m.enqueueStatus(204); // no zone samples
    m.enqueueStatus(200);
    m.enqueueStatus(204);

    List<String> seen = new ArrayList<>();
    TransactionResult result = tx(m).activities(item -> {
      Activity a = item.summary();
      seen.add(item.id() + ":" + a.getDate() + ":" + a.getActiveSteps() + ":"
          + item.stepSamples()
              .map(s -> s.getInterval() + "/" + s.getSamples().size())
              .orElse("none")
          + ":"
          + item.zoneSamples()
              .map(z -> z.getSamples().size() + "/"
                  + z.getSamples().get(0).getActivityZones().get(0).getInzone())
              .orElse("none"));
    });

    assertThat(result).isEqualTo(new TransactionResult(1, 2, 0));
    assertThat(seen)
        .containsExactly("56:2010-12-31:250:60/8:3/PT59M", "120:2010-12-31:250:none:none");
    String t = "/v3/users/12/activity-transactions/34";
    take("POST", "/v3/users/12/activity-transactions");
    take("GET", t);
    take("GET", t + "/activities/56");
    take("GET", t + "/activities/56/step-samples");
    take("GET", t + "/activities/56/zone-samples");
    take("GET", t + "/activities/120");
    take("GET", t + "/activities/120/step-samples");
    take("GET", t + "/activities/120/zone-samples");
    takeCommit(t);
    take("POST", "/v3/users/12/activity-transactions");
  }

  @Test
  void physicalInfoHandsEverySnapshotThenCommits() {
    created("physical-information-transactions", 12, 12);
    m.enqueueJson(200, local("getPhysicalInfoTransaction.json")); // 56 and 120
    m.enqueueFixture(200, "getTransactionPhysicalInfo.json");
    m.enqueueFixture(200, "getTransactionPhysicalInfo.json");
    m.enqueueStatus(200);
    m.enqueueStatus(204);

    List<PhysicalInformation> seen = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    TransactionResult result = tx(m).physicalInfo(item -> {
      ids.add(item.id());
      seen.add(item.summary());
    });

    assertThat(result).isEqualTo(new TransactionResult(1, 2, 0));
    assertThat(ids).containsExactly(56L, 120L);
    assertThat(seen.get(0).getWeight()).isEqualTo(80f);
    assertThat(seen.get(0).getWeightSource())
        .isEqualTo(PhysicalInformation.WeightSourceEnum.SOURCE_MEASURED);
    String t = "/v3/users/12/physical-information-transactions/12";
    take("POST", "/v3/users/12/physical-information-transactions");
    take("GET", t);
    take("GET", t + "/physical-informations/56");
    take("GET", t + "/physical-informations/120");
    takeCommit(t);
    take("POST", "/v3/users/12/physical-information-transactions");
  }

  @Test
  void nothingNewHandsNothingAndCommitsNothing() {
    m.enqueueStatus(204);

    TransactionResult result = tx(m).exercises(item -> {
      throw new AssertionError("no item expected");
    });

    assertThat(result).isEqualTo(new TransactionResult(0, 0, 0));
    take("POST", "/v3/users/12/exercise-transactions");
    assertThat(m.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void anEmptyTransactionIsCommittedAndEndsTheLoop() {
    created("activity-transactions", 12, 34);
    m.enqueueStatus(204); // list: no data
    m.enqueueStatus(204); // commit: no data

    TransactionResult result = tx(m).activities(item -> {});

    assertThat(result).isEqualTo(new TransactionResult(1, 0, 0));
    take("POST", "/v3/users/12/activity-transactions");
    take("GET", "/v3/users/12/activity-transactions/34");
    takeCommit("/v3/users/12/activity-transactions/34");
    assertThat(m.server().getRequestCount()).isEqualTo(3);
  }

  // ---------------------------------------------------------------- retries

  @Nested
  class WithRetries {
    @RegisterExtension
    final MockAccessLink r = MockAccessLink.withRetries(
        RetryPolicy.builder().maxAttempts(3).jitter(0).build());

    @Test
    void readsAreRetriedButCreateAndCommitAreNotResentAfterA5xx() {
      r.enqueueStatus(503); // create: not resent, it could open a second transaction

      assertThatThrownBy(() -> tx(r).exercises(item -> {})).isInstanceOf(ServerException.class);
      assertThat(r.server().getRequestCount()).isEqualTo(1);

      String base = r.server().url("/").toString();
      r.enqueueJson(201, "{\"transaction-id\":34}");
      r.enqueueStatus(503); // list: retried
      r.enqueueJson(
          200,
          "{\"exercises\":[\"" + base + "v3/users/12/exercise-transactions/34/exercises/56\"]}");
      r.enqueueStatus(502); // item: retried
      r.enqueueJson(200, MockAccessLink.fixture("getTransactionExercise.json"));
      r.enqueueStatus(503); // commit: not resent

      TransactionAbortedException e = catchThrowableOfType(
          TransactionAbortedException.class, () -> tx(r).exercises(item -> {}));

      assertThat(e.stage()).isEqualTo(TransactionAbortedException.Stage.COMMITTING);
      assertThat(e.getCause()).isInstanceOf(ServerException.class);
      assertThat(e)
          .hasMessageContaining("every item was handled (1) but the commit failed")
          .hasMessageContaining("The commit is not confirmed");
      assertThat(r.server().getRequestCount()).isEqualTo(1 + 6);
    }

    @Test
    void a429OnCreateIsWaitedOutBecauseAccessLinkRefusedIt() {
      r.enqueue(MockAccessLink.shortWindowExhausted(5));
      r.enqueueStatus(204);

      assertThat(tx(r).exercises(item -> {})).isEqualTo(new TransactionResult(0, 0, 0));
      assertThat(r.server().getRequestCount()).isEqualTo(2);
      assertThat(r.sleeps()).hasSize(1);
    }
  }
}
