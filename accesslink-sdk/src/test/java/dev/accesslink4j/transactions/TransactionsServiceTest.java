package dev.accesslink4j.transactions;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.TestFiles;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.errors.TransactionGoneException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.generated.api.ExerciseTransactionsApi;
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
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TransactionsServiceTest {
  private static final String POLAR = "https://www.polaraccesslink.com/";
  private static final String BEARER = "Bearer " + MockAccessLink.TOKEN;

  @RegisterExtension final MockAccessLink m = MockAccessLink.withoutRetries();

  // ---------------------------------------------------------------- helpers

  private String base() {
    return m.server().url("/").toString();
  }

  /** A spec example with its URLs moved from Polar's host to the mock server. */
  private String local(String fixture) {
    return MockAccessLink.fixture(fixture).replace(POLAR, base());
  }

  private void created(String kind, long user, long tx) {
    m.enqueueJson(
        201,
        "{\"transaction-id\":" + tx + ",\"resource-uri\":\"" + base() + "v3/users/" + user + "/" + kind + "/" + tx
            + "\"}");
  }

  private void listed(String key, String kind, long user, long tx, String items, long... ids) {
    String urls =
        LongStream.of(ids)
            .mapToObj(id -> "\"" + base() + "v3/users/" + user + "/" + kind + "/" + tx + "/" + items + "/" + id + "\"")
            .collect(Collectors.joining(","));
    m.enqueueJson(200, "{\"" + key + "\":[" + urls + "]}");
  }

  private void exercise(long id) {
    m.enqueueJson(200, MockAccessLink.fixture("getTransactionExercise.json").replace("1937529874", Long.toString(id)));
  }

  private RecordedRequest take(String method, String path) {
    RecordedRequest r = m.takeRequest();
    assertThat(r.getMethod() + " " + r.getTarget()).isEqualTo(method + " " + path);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(BEARER);
    return r;
  }

  private void takeCommit(String path) {
    RecordedRequest r = take("PUT", path);
    assertThat(r.getBodySize()).isZero();
  }

  private static TransactionsService tx(MockAccessLink m) {
    return m.user().transactions().forUser(12);
  }

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
    TransactionResult result =
        tx(m).exercises(item -> seen.add(item.transactionId() + "/" + item.id() + "/" + item.summary().getId()));

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
    m.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(TestFiles.garminFit())).build());
    m.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(gzip("<TrainingCenterDatabase/>"))).build());
    m.enqueue(new MockResponse.Builder().code(200).body("<gpx/>").build());
    m.enqueueFixture(200, "getTransactionExerciseHeartRateZones.json");
    m.enqueueJson(200, local("getTransactionExerciseSamples.json")); // types 0 and 3, for sampleTypes()
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

    TransactionResult result =
        tx(m).exercises(
            item -> {
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
    assertThat(zones.get().orElseThrow().getZone().get(0).getInZone()).isEqualTo(Duration.ofSeconds(4));
    assertThat(types.get()).containsExactly("0", "3");
    assertThat(samples.get()).singleElement().satisfies(s -> assertThat(s.getData()).startsWith("0,100,102"));

    String item = "/v3/users/12/exercise-transactions/34/exercises/56";
    take("POST", "/v3/users/12/exercise-transactions");
    take("GET", "/v3/users/12/exercise-transactions/34");
    take("GET", item);
    assertThat(take("GET", item + "/fit").getHeaders().get("Accept")).isEqualTo("*/*, application/json");
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
    TransactionResult result =
        tx(m).activities(
            item -> {
              Activity a = item.summary();
              seen.add(
                  item.id() + ":" + a.getDate() + ":" + a.getActiveSteps() + ":"
                      + item.stepSamples().map(s -> s.getInterval() + "/" + s.getSamples().size()).orElse("none")
                      + ":" + item.zoneSamples()
                          .map(z -> z.getSamples().size() + "/"
                              + z.getSamples().get(0).getActivityZones().get(0).getInzone())
                          .orElse("none"));
            });

    assertThat(result).isEqualTo(new TransactionResult(1, 2, 0));
    assertThat(seen).containsExactly("56:2010-12-31:250:60/8:3/PT59M", "120:2010-12-31:250:none:none");
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
    TransactionResult result =
        tx(m).physicalInfo(
            item -> {
              ids.add(item.id());
              seen.add(item.physicalInformation());
            });

    assertThat(result).isEqualTo(new TransactionResult(1, 2, 0));
    assertThat(ids).containsExactly(56L, 120L);
    assertThat(seen.get(0).getWeight()).isEqualTo(80f);
    assertThat(seen.get(0).getWeightSource()).isEqualTo(PhysicalInformation.WeightSourceEnum.SOURCE_MEASURED);
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

    TransactionResult result =
        tx(m).exercises(item -> {
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

  // ---------------------------------------------------------------- failures: never commit

  @Test
  void aHandlerThatThrowsOnItem3Of5StopsWithoutCommitAndARerunSeesTheSameItems() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 11, 12, 13, 14, 15);
    exercise(11);
    exercise(12);
    exercise(13);
    IllegalStateException diskFull = new IllegalStateException("disk full");

    TransactionAbortedException e =
        catchThrowableOfType(
            TransactionAbortedException.class,
            () ->
                tx(m).exercises(
                    item -> {
                      if (item.id() == 13) {
                        throw diskFull;
                      }
                    }));

    assertThat(e).isNotInstanceOf(TransactionGoneException.class);
    assertThat(e.type()).isEqualTo(TransactionType.EXERCISE);
    assertThat(e.transactionId()).isEqualTo(34);
    assertThat(e.itemId()).hasValue(13);
    assertThat(e.itemsHandled()).isEqualTo(2);
    assertThat(e.stage()).isEqualTo(TransactionAbortedException.Stage.HANDLING_ITEM);
    assertThat(e.getCause()).isSameAs(diskFull);
    assertThat(e)
        .hasMessageContaining("exercise transaction 34")
        .hasMessageContaining("item 3 of 5 (exercise 13)")
        .hasMessageContaining("the handler threw IllegalStateException: disk full")
        .hasMessageContaining("Nothing in transaction 34 was committed");
    List<String> methods = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      methods.add(m.takeRequest().getMethod());
    }
    assertThat(methods).containsExactly("POST", "GET", "GET", "GET", "GET");
    assertThat(m.server().getRequestCount()).isEqualTo(5); // no PUT was sent at all

    // Rerun: AccessLink offers the same five sessions again in a new transaction.
    created("exercise-transactions", 12, 36);
    listed("exercises", "exercise-transactions", 12, 36, "exercises", 11, 12, 13, 14, 15);
    for (long id = 11; id <= 15; id++) {
      exercise(id);
    }
    m.enqueueStatus(200);
    m.enqueueStatus(204);
    List<Long> seen = new ArrayList<>();

    TransactionResult result = tx(m).exercises(item -> seen.add(item.id()));

    assertThat(seen).containsExactly(11L, 12L, 13L, 14L, 15L);
    assertThat(result).isEqualTo(new TransactionResult(1, 5, 0));
  }

  @Test
  void aMalformedItemBodyStopsWithoutCommit() {
    created("exercise-transactions", 12, 34);
    m.enqueueJson(200, local("getExerciseTransaction.json"));
    exercise(56);
    m.enqueueJson(200, "{\"id\": 120, \"upload-time\": \"2008-10-13T10:40:02.000Z\", \"duration\": ");
    List<Long> handled = new ArrayList<>();

    TransactionAbortedException e =
        catchThrowableOfType(TransactionAbortedException.class, () -> tx(m).exercises(item -> handled.add(item.id())));

    assertThat(handled).containsExactly(56L);
    assertThat(e.itemId()).hasValue(120);
    assertThat(e.itemsHandled()).isEqualTo(1);
    assertThat(e.getCause()).isInstanceOf(InvalidResponseException.class);
    assertThat(e)
        .hasMessageContaining("item 2 of 2 (exercise 120): fetching it failed")
        .hasMessageContaining("GET /v3/users/12/exercise-transactions/34/exercises/120 answered HTTP 200")
        .hasMessageContaining("Nothing in transaction 34 was committed");
    assertThat(m.server().getRequestCount()).isEqualTo(4);
  }

  @Test
  void aFailedReadInsideTheHandlerAbortsWithoutCommit() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 56);
    exercise(56);
    m.enqueueStatus(500); // the FIT download

    TransactionAbortedException e =
        catchThrowableOfType(
            TransactionAbortedException.class,
            () -> tx(m).exercises(item -> item.downloadFit(new ByteArrayOutputStream())));

    assertThat(e.getCause()).isInstanceOf(ServerException.class);
    assertThat(e.itemId()).hasValue(56);
    assertThat(e).hasMessageContaining("the handler threw ServerException");
    assertThat(m.server().getRequestCount()).isEqualTo(4);
  }

  @Test
  void a404OnCommitSaysTheTransactionIsGone() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 56);
    exercise(56);
    m.enqueueFixture(404, "commitExerciseTransaction-404.json");

    TransactionGoneException e =
        catchThrowableOfType(TransactionGoneException.class, () -> tx(m).exercises(item -> {}));

    assertThat(e.transactionId()).isEqualTo(34);
    assertThat(e.stage()).isEqualTo(TransactionAbortedException.Stage.COMMITTING);
    assertThat(e.itemsHandled()).isEqualTo(1);
    assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
    assertThat(e)
        .hasMessageStartingWith(
            "exercise transaction 34 no longer exists (HTTP 404 on PUT /v3/users/12/exercise-transactions/34);"
                + " nothing was committed; run again to get the items in a new transaction.");
    assertThat(m.server().getRequestCount()).isEqualTo(4); // no further create
  }

  @Test
  void a404OnListSaysTheTransactionIsGone() {
    created("activity-transactions", 12, 34);
    m.enqueueFixture(404, "getExerciseTransaction-404.json");

    TransactionGoneException e =
        catchThrowableOfType(
            TransactionGoneException.class,
            () -> tx(m).activities(item -> {
              throw new AssertionError("no item expected");
            }));

    assertThat(e.type()).isEqualTo(TransactionType.ACTIVITY);
    assertThat(e.transactionId()).isEqualTo(34);
    assertThat(e.stage()).isEqualTo(TransactionAbortedException.Stage.LISTING);
    assertThat(e.itemId()).isEmpty();
    assertThat(e)
        .hasMessageContaining("activity transaction 34 no longer exists")
        .hasMessageContaining("nothing was committed; run again to get the items in a new transaction");
    assertThat(m.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void a404InsideTheHandlerSaysTheTransactionIsGone() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 56, 57);
    exercise(56);
    exercise(57);
    m.enqueueStatus(404); // zones of 57

    TransactionGoneException e =
        catchThrowableOfType(
            TransactionGoneException.class,
            () -> tx(m).exercises(item -> {
              if (item.id() == 57) {
                item.heartRateZones();
              }
            }));

    assertThat(e.itemId()).hasValue(57);
    assertThat(e.itemsHandled()).isEqualTo(1);
    assertThat(e)
        .hasMessageContaining(
            "HTTP 404 on GET /v3/users/12/exercise-transactions/34/exercises/57/heart-rate-zones");
    assertThat(m.server().getRequestCount()).isEqualTo(5);
  }

  @Test
  void aFailureInALaterTransactionReportsTheEarlierCommits() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 56);
    exercise(56);
    m.enqueueStatus(200);
    created("exercise-transactions", 12, 35);
    m.enqueueStatus(404); // list of 35

    TransactionGoneException e =
        catchThrowableOfType(TransactionGoneException.class, () -> tx(m).exercises(item -> {}));

    assertThat(e.transactionId()).isEqualTo(35);
    assertThat(e.transactionsCommitted()).isEqualTo(1);
    assertThat(e).hasMessageEndingWith("(1 earlier transaction of this run committed.)");
  }

  @Test
  void anItemUrlOnAnotherHostIsRejectedWithoutARequestToIt() throws IOException {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      created("exercise-transactions", 12, 34);
      String foreign = other.url("/v3/users/12/exercise-transactions/34/exercises/56").toString();
      m.enqueueJson(200, "{\"exercises\":[\"" + foreign + "\"]}");

      TransactionAbortedException e =
          catchThrowableOfType(
              TransactionAbortedException.class,
              () -> tx(m).exercises(item -> {
                throw new AssertionError("no item expected");
              }));

      assertThat(e.stage()).isEqualTo(TransactionAbortedException.Stage.LISTING);
      assertThat(e.getCause())
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("GET /v3/users/12/exercise-transactions/34 listed a URL the SDK will not follow")
          .hasMessageContaining("not on the API origin")
          .hasMessageContaining("Nothing was requested from it");
      assertThat(e).hasMessageContaining("Nothing in transaction 34 was committed");
      assertThat(other.getRequestCount()).isZero();
      assertThat(m.server().getRequestCount()).isEqualTo(2); // create and list only: no item, no commit
    }
  }

  @Test
  void theSpecExampleListOnPolarsHostIsRejectedWhenTheClientTalksToAnotherHost() {
    created("exercise-transactions", 12, 34);
    m.enqueueFixture(200, "getExerciseTransaction.json"); // URLs on https://www.polaraccesslink.com

    assertThatThrownBy(() -> tx(m).openExerciseTransaction())
        .isInstanceOf(TransactionAbortedException.class)
        .cause()
        .hasMessageContaining("https://www.polaraccesslink.com/v3/users/12/exercise-transactions/34/exercises/56")
        .hasMessageContaining("it is on https://www.polaraccesslink.com:443");
    assertThat(m.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void anItemUrlOfAnotherTransactionIsRejected() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 99, "exercises", 56);

    TransactionAbortedException e =
        catchThrowableOfType(TransactionAbortedException.class, () -> tx(m).exercises(item -> {}));

    assertThat(e.getCause()).hasMessageContaining("does not end in /exercise-transactions/34/exercises/{id}");
    assertThat(m.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCreateWithoutTransactionIdIsAnInvalidResponse() {
    m.enqueueJson(201, "{\"resource-uri\":\"" + base() + "v3/users/12/exercise-transactions/34\"}");

    assertThatThrownBy(() -> tx(m).exercises(item -> {}))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining(
            "POST /v3/users/12/exercise-transactions answered HTTP 201 without a valid transaction-id");
    assertThat(m.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCreateFailureIsThrownAsIs() {
    m.enqueueJson(403, "{\"status\":403,\"errorType\":\"FORBIDDEN\",\"message\":\"consents missing\"}");

    assertThatThrownBy(() -> tx(m).physicalInfo(item -> {})).isInstanceOf(ConsentRequiredException.class);
  }

  @Test
  void theUserIdMustBeGivenWhenTheTokenDoesNotCarryIt() {
    TransactionsService service = m.user().transactions();

    assertThat(service.userId()).isEmpty();
    assertThatThrownBy(() -> service.exercises(item -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("forUser(polarUserId)");
    assertThatThrownBy(service::openActivityTransaction).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> service.forUser(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(service.forUser(475).userId()).hasValue(475);
    assertThat(m.server().getRequestCount()).isZero();
  }

  // ---------------------------------------------------------------- explicit API

  @Test
  void openingWhenNothingIsNewGivesNoTransaction() {
    m.enqueueStatus(204);

    assertThat(tx(m).openPhysicalInfoTransaction()).isEmpty();
    take("POST", "/v3/users/12/physical-information-transactions");
  }

  @Test
  void theSpecExampleCreateOpensTheTransactionItNames() {
    m.enqueueFixture(201, "createExerciseTransaction.json"); // transaction 122
    m.enqueueStatus(204); // list: no data

    try (Transaction<ExerciseItem> t = tx(m).openExerciseTransaction().orElseThrow()) {
      assertThat(t.id()).isEqualTo(122);
      assertThat(t.userId()).isEqualTo(12);
      assertThat(t.type()).isEqualTo(TransactionType.EXERCISE);
      assertThat(t.itemIds()).isEmpty();
    }
    take("POST", "/v3/users/12/exercise-transactions");
    take("GET", "/v3/users/12/exercise-transactions/122");
    assertThat(m.server().getRequestCount()).isEqualTo(2); // closing sent nothing
  }

  @Test
  void aFileThatCannotBeWrittenStillReleasesTheResponse(@TempDir Path dir) throws IOException {
    created("exercise-transactions", 12, 34);
    m.enqueueJson(200, local("getExerciseTransaction.json"));
    exercise(56);
    m.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(TestFiles.garminFit())).build());
    m.enqueueStatus(204); // heart-rate zones: no data
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

    try (Transaction<ExerciseItem> t = tx(m).openExerciseTransaction().orElseThrow()) {
      ExerciseItem item = t.item(56).orElseThrow();
      assertThatThrownBy(() -> item.downloadFit(notADirectory.resolve("56.fit")))
          .isInstanceOf(AccessLinkIOException.class);
      assertThat(item.heartRateZones()).isEmpty();
    }

    take("POST", "/v3/users/12/exercise-transactions");
    take("GET", "/v3/users/12/exercise-transactions/34");
    take("GET", "/v3/users/12/exercise-transactions/34/exercises/56");
    RecordedRequest fit = take("GET", "/v3/users/12/exercise-transactions/34/exercises/56/fit");
    RecordedRequest next = take("GET", "/v3/users/12/exercise-transactions/34/exercises/56/heart-rate-zones");
    // A body left open keeps its connection busy, so the next call would need a new one.
    assertThat(next.getConnectionIndex()).isEqualTo(fit.getConnectionIndex());
  }

  @Test
  void anExplicitTransactionFetchesItemsAndCommitsOnlyWhenAsked() {
    created("exercise-transactions", 12, 34);
    m.enqueueJson(200, local("getExerciseTransaction.json"));
    exercise(120);
    m.enqueueStatus(200);

    Transaction<ExerciseItem> t = tx(m).openExerciseTransaction().orElseThrow();
    assertThat(t.itemIds()).containsExactly(56L, 120L);
    assertThat(t.itemUrls()).extracting(Object::toString)
        .containsExactly(base() + "v3/users/12/exercise-transactions/34/exercises/56",
            base() + "v3/users/12/exercise-transactions/34/exercises/120");
    ExerciseItem item = t.item(120).orElseThrow();
    assertThat(item.summary().getId()).isEqualTo(120);
    assertThatThrownBy(() -> t.item(77)).isInstanceOf(IllegalArgumentException.class);
    assertThat(t.isOpen()).isTrue();
    t.commit();
    assertThat(t.isCommitted()).isTrue();
    assertThatThrownBy(t::commit).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> t.item(56)).isInstanceOf(IllegalStateException.class);

    take("POST", "/v3/users/12/exercise-transactions");
    take("GET", "/v3/users/12/exercise-transactions/34");
    take("GET", "/v3/users/12/exercise-transactions/34/exercises/120");
    takeCommit("/v3/users/12/exercise-transactions/34");
    assertThat(m.server().getRequestCount()).isEqualTo(4);
  }

  @Test
  void closingAnExplicitTransactionAbandonsItWithoutCommit() {
    created("activity-transactions", 12, 34);
    m.enqueueJson(200, local("getActivityTransaction.json"));

    Transaction<ActivityItem> t = tx(m).openActivityTransaction().orElseThrow();
    t.close();

    assertThat(t.isOpen()).isFalse();
    assertThat(t.isCommitted()).isFalse();
    assertThatThrownBy(() -> t.item(56))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed without a commit");
    assertThatThrownBy(t::commit).isInstanceOf(IllegalStateException.class);
    assertThat(m.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void anExplicitItemWithoutDataIsEmptyAndA404IsGone() {
    created("physical-information-transactions", 12, 12);
    m.enqueueJson(200, local("getPhysicalInfoTransaction.json"));
    m.enqueueStatus(204);
    m.enqueueStatus(404);

    Transaction<PhysicalInfoItem> t = tx(m).openPhysicalInfoTransaction().orElseThrow();

    assertThat(t.item(56)).isEmpty();
    TransactionGoneException e = catchThrowableOfType(TransactionGoneException.class, () -> t.item(120));
    assertThat(e.type()).isEqualTo(TransactionType.PHYSICAL_INFO);
    assertThat(e.itemId()).hasValue(120);
    assertThat(e).hasMessageContaining("physical-information transaction 12 no longer exists");
  }

  @Test
  @SuppressWarnings("deprecation")
  void theDeprecatedGeneratedApiStillWorksOnTheUsersRetrofit() throws IOException {
    m.enqueueStatus(200);
    ExerciseTransactionsApi api = m.userContext().create(ExerciseTransactionsApi.class);

    assertThat(api.commitExerciseTransaction(12L, 34L).execute().code()).isEqualTo(200);
    takeCommit("/v3/users/12/exercise-transactions/34");
  }

  // ---------------------------------------------------------------- retries

  @Nested
  class WithRetries {
    @RegisterExtension
    final MockAccessLink r =
        MockAccessLink.withRetries(RetryPolicy.builder().maxAttempts(3).jitter(0).build());

    @Test
    void readsAreRetriedButCreateAndCommitAreNotResentAfterA5xx() {
      r.enqueueStatus(503); // create: not resent, it could open a second transaction

      assertThatThrownBy(() -> tx(r).exercises(item -> {})).isInstanceOf(ServerException.class);
      assertThat(r.server().getRequestCount()).isEqualTo(1);

      String base = r.server().url("/").toString();
      r.enqueueJson(201, "{\"transaction-id\":34}");
      r.enqueueStatus(503); // list: retried
      r.enqueueJson(200, "{\"exercises\":[\"" + base + "v3/users/12/exercise-transactions/34/exercises/56\"]}");
      r.enqueueStatus(502); // item: retried
      r.enqueueJson(200, MockAccessLink.fixture("getTransactionExercise.json"));
      r.enqueueStatus(503); // commit: not resent

      TransactionAbortedException e =
          catchThrowableOfType(TransactionAbortedException.class, () -> tx(r).exercises(item -> {}));

      assertThat(e.stage()).isEqualTo(TransactionAbortedException.Stage.COMMITTING);
      assertThat(e.getCause()).isInstanceOf(ServerException.class);
      assertThat(e).hasMessageContaining("every item was handled (1) but the commit failed")
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

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
