package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Route;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncEngineTest {
  private static final Set<ExerciseFormat> TCX_GPX =
      EnumSet.of(ExerciseFormat.TCX, ExerciseFormat.GPX);

  private FakeAccessLink fake;
  private AccessLink client;
  private final List<FakeUser> fakeUsers = new ArrayList<>();
  private final List<SyncUser> users = new ArrayList<>();

  @BeforeEach
  void start() {
    fake = FakeAccessLink.start();
    client = fake.clientBuilder().retryPolicy(RetryPolicy.disabled()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private FakeUser addUser(int exercises) {
    FakeUser user = fake.addUser();
    for (int i = 0; i < exercises; i++) {
      user.addExercise(
          ExerciseSpec.builder().sport(ExerciseSpec.Sport.RUNNING).route(true).build());
    }
    fakeUsers.add(user);
    users.add(new SyncUser(user.polarUserId(), user.issueToken()));
    return user;
  }

  private SyncEngine.Builder engine(SyncSink sink) {
    return SyncEngine.builder(client, UserSource.of(users), sink).clock(fake.clock());
  }

  private static Set<String> exerciseKeys(FakeUser user, Set<ExerciseFormat> formats) {
    Set<String> keys = new HashSet<>();
    for (ExerciseIds ids : user.exercises()) {
      keys.add(new SyncItem(user.polarUserId(), SyncKind.EXERCISES, ids.hashedId(), "x").key());
      for (ExerciseFormat format : formats) {
        keys.add(new SyncFile(user.polarUserId(), ids.hashedId(), format).key());
      }
    }
    return keys;
  }

  @Test
  void firstRunDeliversEveryExerciseWithOneRequestPerChosenFormat() {
    for (int i = 0; i < 3; i++) {
      addUser(2);
    }
    RecordingSink sink = new RecordingSink();

    SyncReport report = engine(sink)
        .kinds(Set.of(SyncKind.EXERCISES))
        .exerciseFormats(TCX_GPX)
        .build()
        .run();

    Set<String> expected = new HashSet<>();
    fakeUsers.forEach(u -> expected.addAll(exerciseKeys(u, TCX_GPX)));
    assertThat(sink.keys()).isEqualTo(expected);
    assertThat(sink.deliveries()).hasSize(expected.size()); // each exactly once
    assertThat(sink.files().values())
        .allSatisfy(bytes -> assertThat(new String(bytes, 0, 5)).isEqualTo("<?xml"));
    assertThat(fake.requests(Route.LIST_EXERCISES)).hasSize(3);
    assertThat(fake.requests(Route.GET_EXERCISE_TCX)).hasSize(6);
    assertThat(fake.requests(Route.GET_EXERCISE_GPX)).hasSize(6);
    assertThat(fake.requests(Route.GET_EXERCISE)).isEmpty(); // the summary comes from the list
    assertThat(fake.requests()).hasSize(15);
    assertThat(report.users()).isEqualTo(3);
    assertThat(report.items()).isEqualTo(6);
    assertThat(report.files()).isEqualTo(12);
    assertThat(report.requests()).isEqualTo(15);
    assertThat(report.bytes())
        .isEqualTo(sink.files().values().stream().mapToLong(b -> b.length).sum());
    assertThat(report.ok()).isTrue();
  }

  @Test
  void dailyKindsReadTheLookBackOnTheFirstRunThroughTheirRangeEndpoints() {
    FakeUser user = addUser(0);
    LocalDate today = fake.today();
    user.addSleep(today.minusDays(3)).addSleep(today.minusDays(40));
    user.addNightlyRecharge(today.minusDays(1));
    user.addActivityDay(today.minusDays(2)).addActivityDay(today.minusDays(30));
    user.addContinuousHeartRate(today.minusDays(5));
    user.addCardioLoad(today.minusDays(6));
    RecordingSink sink = new RecordingSink();

    SyncReport report = engine(sink)
        .kinds(EnumSet.of(
            SyncKind.DAILY_ACTIVITY,
            SyncKind.SLEEP,
            SyncKind.NIGHTLY_RECHARGE,
            SyncKind.CONTINUOUS_HEART_RATE,
            SyncKind.CARDIO_LOAD))
        .build()
        .run();

    long id = user.polarUserId();
    assertThat(sink.keys())
        .contains(
            id + "/sleep/" + today.minusDays(3),
            id + "/nightly-recharge/" + today.minusDays(1),
            id + "/activity/" + today.minusDays(2),
            id + "/continuous-heart-rate/" + today.minusDays(5),
            id + "/cardio-load/" + today.minusDays(6))
        .doesNotContain(
            id + "/sleep/" + today.minusDays(40), id + "/activity/" + today.minusDays(30));
    assertThat(report.failures()).isEmpty();
    // 28 days fit one request per kind
    assertThat(fake.requests()).hasSize(5);
    assertThat(fake.requests(Route.LIST_ACTIVITIES).get(0).queryParameter("from"))
        .contains(today.minusDays(27).toString());
  }

  @Test
  void sleepWiseAndBiosensingKindsReadTheirRangeEndpointsWithBothDates() {
    FakeUser user = addUser(0);
    LocalDate today = fake.today();
    user.addSleepWise(today.minusDays(2))
        .addBiosensing(today.minusDays(3))
        .addEcgTest(today.minusDays(4))
        .addSpo2Test(today.minusDays(5));
    RecordingSink sink = new RecordingSink();
    Set<SyncKind> kinds = EnumSet.of(
        SyncKind.SLEEP_WISE_ALERTNESS,
        SyncKind.SLEEP_WISE_CIRCADIAN_BEDTIME,
        SyncKind.BODY_TEMPERATURE,
        SyncKind.SKIN_TEMPERATURE,
        SyncKind.SKIN_CONTACTS,
        SyncKind.ECG,
        SyncKind.SPO2);

    SyncReport report = engine(sink).kinds(kinds).build().run();

    assertThat(report.failures()).isEmpty();
    long id = user.polarUserId();
    for (String folder : List.of(
        "sleepwise-alertness",
        "sleepwise-circadian-bedtime",
        "body-temperature",
        "skin-temperature",
        "skin-contacts",
        "ecg",
        "spo2")) {
      assertThat(sink.keys()).as(folder).anyMatch(k -> k.startsWith(id + "/" + folder + "/"));
    }
    assertThat(sink.keys()).contains(id + "/skin-temperature/" + today.minusDays(3));
    // 28 dates, both ends included, fit each endpoint's limit: one request per kind
    assertThat(fake.requests()).hasSize(7);
    for (Route route : List.of(
        Route.LIST_ALERTNESS_BY_DATE_RANGE,
        Route.LIST_CIRCADIAN_BEDTIME_BY_DATE_RANGE,
        Route.LIST_BODY_TEMPERATURE,
        Route.LIST_SKIN_TEMPERATURE,
        Route.LIST_SKIN_CONTACTS,
        Route.LIST_ECG,
        Route.LIST_SPO2)) {
      assertThat(fake.requests(route).get(0).queryParameter("from"))
          .as(route.name())
          .contains(today.minusDays(27).toString());
      assertThat(fake.requests(route).get(0).queryParameter("to"))
          .as(route.name())
          .contains(today.toString());
    }
  }

  /**
   * Periods are named by their start time: the rerun's short range lists fewer of them than the first run's (a
   * bedtime that starts after midnight bears the next date), and each still has its first name, so nothing is
   * delivered again and nothing is written over another period.
   */
  @Test
  void periodsKeepTheirNamesWhenARerunReadsAShorterRange() {
    FakeUser user = addUser(0);
    LocalDate today = fake.today();
    user.addSleepWise(today.minusDays(1)).addSleepWise(today);
    Set<SyncKind> kinds =
        EnumSet.of(SyncKind.SLEEP_WISE_ALERTNESS, SyncKind.SLEEP_WISE_CIRCADIAN_BEDTIME);
    InMemoryStateStore state = new InMemoryStateStore();
    RecordingSink first = new RecordingSink();
    engine(first).kinds(kinds).stateStore(state).build().run();
    String folder = user.polarUserId() + "/sleepwise-circadian-bedtime/";
    List<String> bedtimes =
        first.keys().stream().filter(k -> k.startsWith(folder)).sorted().toList();
    assertThat(bedtimes).hasSizeGreaterThanOrEqualTo(2);
    assertThat(bedtimes)
        .allMatch(
            k -> k.substring(folder.length()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}"));

    RecordingSink rerun = new RecordingSink();
    SyncReport report = engine(rerun).kinds(kinds).stateStore(state).build().run();

    assertThat(report.failures()).isEmpty();
    assertThat(rerun.keys()).isEmpty();
    assertThat(report.items()).isZero();
  }

  @Test
  void aLongLookBackIsReadInChunksOfTwentyEightDates() {
    FakeUser user = addUser(0);
    user.addBiosensing(fake.today().minusDays(60));

    SyncReport report = engine(new RecordingSink())
        .kinds(Set.of(SyncKind.SKIN_TEMPERATURE))
        .lookBackDays(90)
        .build()
        .run();

    assertThat(report.failures()).isEmpty();
    assertThat(report.items()).isEqualTo(1);
    // 90 dates: 28 + 28 + 28 + 6
    assertThat(fake.requests(Route.LIST_SKIN_TEMPERATURE)).hasSize(4);
  }

  @Test
  void physicalInfoIsDeliveredWhenItChanged() {
    FakeUser user = addUser(0);
    user.addPhysicalInfo();
    InMemoryStateStore state = new InMemoryStateStore();
    Set<SyncKind> kinds = Set.of(SyncKind.PHYSICAL_INFO);

    RecordingSink first = new RecordingSink();
    SyncReport firstRun = engine(first).stateStore(state).kinds(kinds).build().run();
    RecordingSink unchanged = new RecordingSink();
    SyncReport secondRun =
        engine(unchanged).stateStore(state).kinds(kinds).build().run();
    user.addPhysicalInfo();
    RecordingSink changed = new RecordingSink();
    engine(changed).stateStore(state).kinds(kinds).build().run();

    assertThat(firstRun.failures()).isEmpty();
    assertThat(first.keys()).containsExactly(user.polarUserId() + "/physical-info/current");
    assertThat(secondRun.requests()).isEqualTo(1);
    assertThat(unchanged.deliveries()).isEmpty();
    assertThat(changed.keys()).containsExactly(user.polarUserId() + "/physical-info/current");
    assertThat(fake.requests(Route.GET_PHYSICAL_INFO)).hasSize(3);
  }

  @Test
  void aRerunWithNothingNewCostsOneRequestPerUserAndKind(@TempDir Path dir) {
    for (int i = 0; i < 3; i++) {
      addUser(2).seedDays(10);
    }
    try (FileStateStore state = FileStateStore.open(dir.resolve("state"))) {
      SyncReport first = engine(new RecordingSink()).stateStore(state).build().run();
      assertThat(first.failures()).isEmpty();
      assertThat(first.items()).isPositive();
    }
    fake.clearRequests();

    RecordingSink sink = new RecordingSink();
    SyncReport rerun;
    try (FileStateStore state = FileStateStore.open(dir.resolve("state"))) {
      rerun = engine(sink).stateStore(state).build().run();
    }

    assertThat(fake.requests()).hasSize(3 * SyncKind.values().length);
    for (Route route : List.of(
        Route.LIST_EXERCISES,
        Route.LIST_ACTIVITIES,
        Route.LIST_SLEEP,
        Route.LIST_NIGHTLY_RECHARGE,
        Route.LIST_CONTINUOUS_HEART_RATE,
        Route.LIST_CARDIO_LOAD_BY_DATE_RANGE,
        Route.LIST_ALERTNESS_BY_DATE_RANGE,
        Route.LIST_CIRCADIAN_BEDTIME_BY_DATE_RANGE,
        Route.LIST_BODY_TEMPERATURE,
        Route.LIST_SKIN_TEMPERATURE,
        Route.LIST_SKIN_CONTACTS,
        Route.LIST_ECG,
        Route.LIST_SPO2,
        Route.GET_PHYSICAL_INFO)) {
      assertThat(fake.requests(route)).as(route.name()).hasSize(3);
    }
    assertThat(rerun.requests()).isEqualTo(3 * 14);
    assertThat(sink.deliveries()).isEmpty();
    assertThat(rerun.items()).isZero();
  }

  @Test
  void newDataBetweenRunsIsDeliveredAndNothingElse() {
    FakeUser user = addUser(2);
    InMemoryStateStore state = new InMemoryStateStore();
    Set<SyncKind> kinds = EnumSet.of(SyncKind.EXERCISES, SyncKind.SLEEP);
    engine(new RecordingSink())
        .stateStore(state)
        .kinds(kinds)
        .exerciseFormats(TCX_GPX)
        .build()
        .run();

    ExerciseIds added = user.addExercise(
        ExerciseSpec.builder().sport(ExerciseSpec.Sport.RUNNING).route(true).build());
    user.addSleep(fake.today());
    fake.clearRequests();
    RecordingSink sink = new RecordingSink();
    SyncReport report = engine(sink)
        .stateStore(state)
        .kinds(kinds)
        .exerciseFormats(TCX_GPX)
        .build()
        .run();

    long id = user.polarUserId();
    assertThat(sink.keys())
        .containsExactlyInAnyOrder(
            id + "/exercises/" + added.hashedId(),
            id + "/exercises/" + added.hashedId() + ".tcx",
            id + "/exercises/" + added.hashedId() + ".gpx",
            id + "/sleep/" + fake.today());
    assertThat(fake.requests(Route.GET_EXERCISE_TCX)).hasSize(1);
    assertThat(fake.requests(Route.GET_EXERCISE_GPX)).hasSize(1);
    assertThat(report.requests()).isEqualTo(4); // exercise list, 2 files, sleep list
  }

  @Test
  void aTargetedSyncReadsOnlyThatUserAndKind() {
    FakeUser one = addUser(1);
    FakeUser other = addUser(1);
    one.addSleep(fake.today().minusDays(1));
    RecordingSink sink = new RecordingSink();
    SyncEngine engine = engine(sink).exerciseFormats(TCX_GPX).build();

    SyncReport exercises = engine.sync(one.polarUserId(), SyncKind.EXERCISES);
    SyncReport sleep =
        engine.sync(one.polarUserId(), SyncKind.SLEEP, fake.today().minusDays(1));

    assertThat(sink.keys())
        .isEqualTo(union(
            exerciseKeys(one, TCX_GPX),
            Set.of(one.polarUserId() + "/sleep/" + fake.today().minusDays(1))));
    assertThat(sink.keys()).noneMatch(k -> k.startsWith(other.polarUserId() + "/"));
    assertThat(exercises.requests()).isEqualTo(3);
    assertThat(sleep.requests()).isEqualTo(1);
    assertThat(fake.requests(Route.GET_SLEEP)).hasSize(1);
    assertThat(fake.requests()).hasSize(4);

    SyncReport unknown = engine.sync(42L, SyncKind.SLEEP);
    assertThat(unknown.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no token"));
  }

  @Test
  void aWebhookEventSyncsItsUserKindAndDate() {
    FakeUser user = addUser(1);
    LocalDate night = fake.today().minusDays(2);
    user.addSleep(night);
    RecordingSink sink = new RecordingSink();
    SyncEngine engine = engine(sink).exerciseFormats(TCX_GPX).build();

    SyncReport sleep = engine.sync(new dev.accesslink4j.webhooks.SleepEvent(
        user.polarUserId(), night, java.time.Instant.now(), java.net.URI.create(fake.baseUrl())));
    SyncReport exercise = engine.sync(new dev.accesslink4j.webhooks.ExerciseEvent(
        user.polarUserId(),
        user.exercises().get(0).hashedId(),
        java.time.Instant.now(),
        java.net.URI.create(fake.baseUrl())));

    assertThat(sleep.requests()).isEqualTo(1);
    assertThat(fake.requests(Route.GET_SLEEP))
        .singleElement()
        .satisfies(r -> assertThat(r.path()).endsWith("/" + night));
    assertThat(exercise.requests()).isEqualTo(3);
    assertThat(sink.keys())
        .isEqualTo(
            union(exerciseKeys(user, TCX_GPX), Set.of(user.polarUserId() + "/sleep/" + night)));
  }

  @Test
  void sleepWiseAndPhysicalInfoEventsSyncTheirKindAndRange() {
    FakeUser user = addUser(0);
    LocalDate day =
        fake.today().minusDays(40); // older than any look-back: only the event's range reads it
    user.addSleepWise(day).addPhysicalInfo();
    RecordingSink sink = new RecordingSink();
    SyncEngine engine = engine(sink).build();
    java.net.URI url = java.net.URI.create(fake.baseUrl());

    SyncReport alertness = engine.sync(new dev.accesslink4j.webhooks.AlertnessEvent(
        user.polarUserId(), day.minusDays(1), day.plusDays(1), java.time.Instant.now(), url));
    SyncReport bedtime = engine.sync(new dev.accesslink4j.webhooks.CircadianBedtimeEvent(
        user.polarUserId(), day.minusDays(1), day.plusDays(1), java.time.Instant.now(), url));
    SyncReport physical = engine.sync(new dev.accesslink4j.webhooks.PhysicalInformationEvent(
        user.polarUserId(), java.time.Instant.now(), url));

    assertThat(alertness.requests()).isEqualTo(1);
    assertThat(bedtime.requests()).isEqualTo(1);
    assertThat(physical.requests()).isEqualTo(1);
    assertThat(fake.requests(Route.LIST_ALERTNESS_BY_DATE_RANGE))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.queryParameter("from")).contains(day.minusDays(1).toString());
          assertThat(r.queryParameter("to")).contains(day.plusDays(1).toString());
        });
    long id = user.polarUserId();
    assertThat(sink.keys())
        .anyMatch(k -> k.startsWith(id + "/sleepwise-alertness/"))
        .anyMatch(k -> k.startsWith(id + "/sleepwise-circadian-bedtime/"))
        .contains(id + "/physical-info/current");
  }

  @Test
  void theListenerHearsUsersKindsItemsAndRequests() {
    addUser(2);
    addUser(0);
    AtomicInteger users = new AtomicInteger();
    AtomicInteger kinds = new AtomicInteger();
    AtomicInteger items = new AtomicInteger();
    AtomicInteger files = new AtomicInteger();
    AtomicInteger requests = new AtomicInteger();
    SyncListener listener = new SyncListener() {
      @Override
      public void userFinished(long userId, int failures) {
        users.incrementAndGet();
      }

      @Override
      public void kindFinished(long userId, SyncKind kind, int delivered) {
        kinds.incrementAndGet();
      }

      @Override
      public void itemDelivered(SyncItem item) {
        items.incrementAndGet();
      }

      @Override
      public void fileDelivered(SyncFile file, long bytes) {
        assertThat(bytes).isPositive();
        files.incrementAndGet();
      }

      @Override
      public void requestSent(long userId, SyncKind kind) {
        requests.incrementAndGet();
      }
    };

    SyncReport report = engine(new RecordingSink())
        .kinds(EnumSet.of(SyncKind.EXERCISES, SyncKind.CARDIO_LOAD))
        .exerciseFormats(Set.of(ExerciseFormat.FIT))
        .listener(listener)
        .build()
        .run();

    assertThat(users).hasValue(2);
    assertThat(kinds).hasValue(4);
    assertThat(items).hasValue((int) report.items());
    assertThat(report.items())
        .isGreaterThanOrEqualTo(2); // the 2 exercises, and any cardio load the fake has
    assertThat(files).hasValue(2);
    assertThat(requests).hasValue(fake.requests().size()).hasValue((int) report.requests());
  }

  @Test
  void aKillMidRunLosesNothingAndTheRerunRepeatsOnlyUnrecordedItems(@TempDir Path dir) {
    for (int i = 0; i < 4; i++) {
      addUser(3);
    }
    Set<String> expected = new HashSet<>();
    fakeUsers.forEach(u -> expected.addAll(exerciseKeys(u, TCX_GPX)));
    RecordingSink dying = new RecordingSink(10);
    try (FileStateStore state = FileStateStore.open(dir.resolve("state"))) {
      // one thing at a time, so that the kill's place is known: after 3 whole exercises and 1 file
      // of the 4th
      SyncReport killed = engine(dying)
          .userParallelism(1)
          .exercisesPerUser(1)
          .stateStore(state)
          .kinds(Set.of(SyncKind.EXERCISES))
          .exerciseFormats(TCX_GPX)
          .build()
          .run();
      assertThat(killed.failures()).isNotEmpty();
    }
    assertThat(dying.deliveries()).hasSize(10);

    RecordingSink rerunSink = new RecordingSink();
    try (FileStateStore state = FileStateStore.open(dir.resolve("state"))) {
      SyncReport rerun = engine(rerunSink)
          .stateStore(state)
          .kinds(Set.of(SyncKind.EXERCISES))
          .exerciseFormats(TCX_GPX)
          .build()
          .run();
      assertThat(rerun.failures()).isEmpty();
    }

    assertThat(union(dying.keys(), rerunSink.keys())).isEqualTo(expected); // nothing lost
    // nothing comes twice: the 3 recorded exercises do not, nor the one file of the exercise cut
    // short (each file is recorded as soon as the sink took it)
    Set<String> repeated = new HashSet<>(dying.keys());
    repeated.retainAll(rerunSink.keys());
    assertThat(repeated).isEmpty();
    assertThat(rerunSink.deliveries()).hasSize(expected.size() - 10);
    assertThat(rerunSink.deliveries()).hasSize(rerunSink.keys().size());

    RecordingSink third = new RecordingSink();
    try (FileStateStore state = FileStateStore.open(dir.resolve("state"))) {
      engine(third).stateStore(state).kinds(Set.of(SyncKind.EXERCISES)).build().run();
    }
    assertThat(third.deliveries()).isEmpty();
  }

  @Test
  void revokedAndUnconsentedUsersAreSkippedAndReported() {
    FakeUser revoked = addUser(1);
    FakeUser unconsented = addUser(1);
    FakeUser fine = addUser(1);
    revoked.revokeTokens();
    unconsented.withholdConsent();
    RecordingSink sink = new RecordingSink();
    AtomicInteger failedKinds = new AtomicInteger();

    SyncReport report = engine(sink)
        .exerciseFormats(TCX_GPX)
        .listener(new SyncListener() {
          @Override
          public void kindFailed(SyncFailure failure) {
            failedKinds.incrementAndGet();
          }
        })
        .build()
        .run();

    assertThat(report.reLink()).containsExactly(revoked.polarUserId());
    assertThat(report.consentRequired()).containsExactly(unconsented.polarUserId());
    assertThat(report.failures())
        .extracting(SyncFailure::userId, SyncFailure::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(revoked.polarUserId(), SyncFailure.Reason.RELINK),
            org.assertj.core.groups.Tuple.tuple(
                unconsented.polarUserId(), SyncFailure.Reason.CONSENT_REQUIRED));
    assertThat(failedKinds).hasValue(2);
    // one request each: the first refusal skips the user's other kinds
    long revokedRequests = fake.requests().stream()
        .filter(r ->
            r.header("Authorization").orElse("").endsWith(users.get(0).token().reveal()))
        .count();
    assertThat(revokedRequests).isEqualTo(1);
    assertThat(sink.keys()).containsAll(exerciseKeys(fine, TCX_GPX));
    assertThat(sink.keys())
        .noneMatch(k -> k.startsWith(revoked.polarUserId() + "/")
            || k.startsWith(unconsented.polarUserId() + "/"));
  }

  @Test
  void aRevokedTokenIsSkippedByLaterRunsUntilTheUserSourceGivesAnotherToken(@TempDir Path dir) {
    FakeUser revoked = addUser(1);
    FakeUser fine = addUser(0);
    revoked.revokeTokens();
    Path stateFile = dir.resolve("state");

    SyncReport first;
    try (FileStateStore state = FileStateStore.open(stateFile)) {
      first = engine(new RecordingSink()).stateStore(state).build().run();
    }
    fake.clearRequests();
    SyncReport second;
    try (FileStateStore state = FileStateStore.open(stateFile)) {
      second = engine(new RecordingSink()).stateStore(state).build().run();
    }
    String revokedToken = users.get(0).token().reveal();
    long revokedRequests = fake.requests().stream()
        .filter(r -> r.header("Authorization").orElse("").endsWith(revokedToken))
        .count();

    assertThat(first.reLink()).containsExactly(revoked.polarUserId());
    assertThat(second.skipped()).containsExactly(revoked.polarUserId());
    assertThat(second.reLink()).isEmpty();
    assertThat(second.failures()).isEmpty();
    assertThat(second.users()).isEqualTo(2);
    assertThat(revokedRequests).isZero();
    assertThat(fake.requests()).hasSize(SyncKind.values().length); // the other user's
    assertThat(fine.polarUserId()).isNotEqualTo(revoked.polarUserId());

    // the user links again: the source gives a new token, which is tried at once
    users.set(0, new SyncUser(revoked.polarUserId(), revoked.issueToken()));
    RecordingSink sink = new RecordingSink();
    SyncReport relinked;
    SyncReport after;
    try (FileStateStore state = FileStateStore.open(stateFile)) {
      relinked = engine(sink).stateStore(state).build().run();
      assertThat(state.loadHold(revoked.polarUserId())).isEmpty();
      after = engine(new RecordingSink()).stateStore(state).build().run();
    }
    assertThat(relinked.skipped()).isEmpty();
    assertThat(relinked.failures()).isEmpty();
    assertThat(sink.keys()).anyMatch(k -> k.startsWith(revoked.polarUserId() + "/exercises/"));
    assertThat(after.skipped()).isEmpty();
  }

  @Test
  void anUnconsentedUserIsTriedOncePerRunUntilTheConsentIsGiven() {
    FakeUser unconsented = addUser(1);
    unconsented.withholdConsent();
    InMemoryStateStore state = new InMemoryStateStore();

    SyncReport first = engine(new RecordingSink()).stateStore(state).build().run();
    assertThat(state.loadHold(unconsented.polarUserId()).map(UserHold::reason))
        .contains(SyncFailure.Reason.CONSENT_REQUIRED);
    fake.clearRequests();
    SyncReport second = engine(new RecordingSink()).stateStore(state).build().run();
    long secondRequests = fake.requests().size();
    unconsented.grantConsent();
    RecordingSink sink = new RecordingSink();
    SyncReport third = engine(sink).stateStore(state).build().run();

    assertThat(first.consentRequired()).containsExactly(unconsented.polarUserId());
    assertThat(state.loadHold(unconsented.polarUserId()).map(UserHold::reason))
        .isEmpty(); // cleared by the third run
    assertThat(second.consentRequired()).containsExactly(unconsented.polarUserId());
    assertThat(second.skipped()).isEmpty();
    assertThat(second.requests()).isEqualTo(1);
    assertThat(secondRequests).isEqualTo(1);
    assertThat(third.failures()).isEmpty();
    assertThat(sink.keys()).anyMatch(k -> k.startsWith(unconsented.polarUserId() + "/exercises/"));
  }

  @Test
  void aFailingKindDoesNotStopTheOthers() {
    FakeUser user = addUser(1);
    user.addSleep(fake.today());
    fake.inject(Route.LIST_EXERCISES, dev.accesslink4j.testkit.Fault.status(500));
    RecordingSink sink = new RecordingSink();

    SyncReport report = engine(sink)
        .kinds(EnumSet.of(SyncKind.EXERCISES, SyncKind.SLEEP))
        .build()
        .run();

    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SyncKind.EXERCISES);
      assertThat(f.reason()).isEqualTo(SyncFailure.Reason.ERROR);
    });
    assertThat(sink.keys()).containsExactly(user.polarUserId() + "/sleep/" + fake.today());
  }

  @Test
  void anExerciseWithoutARouteHasNoGpxAndIsStillDelivered() {
    FakeUser user = fake.addUser();
    ExerciseIds ids = user.addExercise(ExerciseSpec.builder()
        .sport(ExerciseSpec.Sport.STRENGTH_TRAINING)
        .route(false)
        .build());
    users.add(new SyncUser(user.polarUserId(), user.issueToken()));
    RecordingSink sink = new RecordingSink();

    SyncReport report = engine(sink)
        .kinds(Set.of(SyncKind.EXERCISES))
        .exerciseFormats(TCX_GPX)
        .build()
        .run();

    long id = user.polarUserId();
    assertThat(sink.keys())
        .containsExactlyInAnyOrder(
            id + "/exercises/" + ids.hashedId(), id + "/exercises/" + ids.hashedId() + ".tcx");
    assertThat(report.ok()).isTrue();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
