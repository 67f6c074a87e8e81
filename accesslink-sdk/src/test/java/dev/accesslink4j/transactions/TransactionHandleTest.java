package dev.accesslink4j.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.TestFiles;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.TransactionGoneException;
import dev.accesslink4j.generated.api.ExerciseTransactionsApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explicit API: {@code open…()} gives a {@link Transaction} handle that fetches items on demand and commits only
 * when asked; closing it abandons the transaction.
 */
class TransactionHandleTest extends TransactionTestSupport {
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
    m.enqueue(new MockResponse.Builder()
        .code(200)
        .body(new Buffer().write(TestFiles.garminFit()))
        .build());
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
    RecordedRequest next =
        take("GET", "/v3/users/12/exercise-transactions/34/exercises/56/heart-rate-zones");
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
    assertThat(t.itemUrls())
        .extracting(Object::toString)
        .containsExactly(
            base() + "v3/users/12/exercise-transactions/34/exercises/56",
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
    TransactionGoneException e =
        catchThrowableOfType(TransactionGoneException.class, () -> t.item(120));
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
}
