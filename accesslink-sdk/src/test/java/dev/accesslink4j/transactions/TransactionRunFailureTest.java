package dev.accesslink4j.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.errors.TransactionGoneException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * A run that fails never commits: a handler that throws, a malformed item, a 404 anywhere in an open transaction, an
 * item URL on another host or of another transaction; and the messages say what was (not) committed.
 */
class TransactionRunFailureTest extends TransactionTestSupport {
  @Test
  void aHandlerThatThrowsOnItem3Of5StopsWithoutCommitAndARerunSeesTheSameItems() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 11, 12, 13, 14, 15);
    exercise(11);
    exercise(12);
    exercise(13);
    IllegalStateException diskFull = new IllegalStateException("disk full");

    TransactionAbortedException e = catchThrowableOfType(
        TransactionAbortedException.class,
        () -> tx(m).exercises(item -> {
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
    assertThat(e.progress())
        .isEqualTo(new TransactionAbortedException.Progress(
            TransactionType.EXERCISE,
            34,
            TransactionAbortedException.Stage.HANDLING_ITEM,
            13L,
            2,
            0));
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
    m.enqueueJson(
        200, "{\"id\": 120, \"upload-time\": \"2008-10-13T10:40:02.000Z\", \"duration\": ");
    List<Long> handled = new ArrayList<>();

    TransactionAbortedException e = catchThrowableOfType(
        TransactionAbortedException.class, () -> tx(m).exercises(item -> handled.add(item.id())));

    assertThat(handled).containsExactly(56L);
    assertThat(e.itemId()).hasValue(120);
    assertThat(e.itemsHandled()).isEqualTo(1);
    assertThat(e.getCause()).isInstanceOf(InvalidResponseException.class);
    assertThat(e)
        .hasMessageContaining("item 2 of 2 (exercise 120): fetching it failed")
        .hasMessageContaining(
            "GET /v3/users/12/exercise-transactions/34/exercises/120 answered HTTP 200")
        .hasMessageContaining("Nothing in transaction 34 was committed");
    assertThat(m.server().getRequestCount()).isEqualTo(4);
  }

  @Test
  void aFailedReadInsideTheHandlerAbortsWithoutCommit() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 56);
    exercise(56);
    m.enqueueStatus(500); // the FIT download

    TransactionAbortedException e = catchThrowableOfType(
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

    TransactionGoneException e = catchThrowableOfType(
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
        .hasMessageContaining(
            "nothing was committed; run again to get the items in a new transaction");
    assertThat(m.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void a404InsideTheHandlerSaysTheTransactionIsGone() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 34, "exercises", 56, 57);
    exercise(56);
    exercise(57);
    m.enqueueStatus(404); // zones of 57

    TransactionGoneException e = catchThrowableOfType(
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
      String foreign =
          other.url("/v3/users/12/exercise-transactions/34/exercises/56").toString();
      m.enqueueJson(200, "{\"exercises\":[\"" + foreign + "\"]}");

      TransactionAbortedException e = catchThrowableOfType(
          TransactionAbortedException.class,
          () -> tx(m).exercises(item -> {
            throw new AssertionError("no item expected");
          }));

      assertThat(e.stage()).isEqualTo(TransactionAbortedException.Stage.LISTING);
      assertThat(e.getCause())
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining(
              "GET /v3/users/12/exercise-transactions/34 listed a URL the SDK will not follow")
          .hasMessageContaining("not on the API origin")
          .hasMessageContaining("Nothing was requested from it");
      assertThat(e).hasMessageContaining("Nothing in transaction 34 was committed");
      assertThat(other.getRequestCount()).isZero();
      assertThat(m.server().getRequestCount())
          .isEqualTo(2); // create and list only: no item, no commit
    }
  }

  @Test
  void theSpecExampleListOnPolarsHostIsRejectedWhenTheClientTalksToAnotherHost() {
    created("exercise-transactions", 12, 34);
    m.enqueueFixture(200, "getExerciseTransaction.json"); // URLs on https://www.polaraccesslink.com

    assertThatThrownBy(() -> tx(m).openExerciseTransaction())
        .isInstanceOf(TransactionAbortedException.class)
        .cause()
        .hasMessageContaining(
            "https://www.polaraccesslink.com/v3/users/12/exercise-transactions/34/exercises/56")
        .hasMessageContaining("it is on https://www.polaraccesslink.com:443");
    assertThat(m.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void anItemUrlOfAnotherTransactionIsRejected() {
    created("exercise-transactions", 12, 34);
    listed("exercises", "exercise-transactions", 12, 99, "exercises", 56);

    TransactionAbortedException e =
        catchThrowableOfType(TransactionAbortedException.class, () -> tx(m).exercises(item -> {}));

    assertThat(e.getCause())
        .hasMessageContaining("does not end in /exercise-transactions/34/exercises/{id}");
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
    m.enqueueJson(
        403, "{\"status\":403,\"errorType\":\"FORBIDDEN\",\"message\":\"consents missing\"}");

    assertThatThrownBy(() -> tx(m).physicalInfo(item -> {}))
        .isInstanceOf(ConsentRequiredException.class);
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
}
