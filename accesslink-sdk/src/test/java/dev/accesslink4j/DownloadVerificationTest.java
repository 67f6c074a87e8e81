package dev.accesslink4j;

import static dev.accesslink4j.TestFiles.cut;
import static dev.accesslink4j.TestFiles.flipped;
import static dev.accesslink4j.TestFiles.garminFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.transactions.ExerciseItem;
import dev.accesslink4j.transactions.TransactionResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file download is verified before it counts as done: a body cut short or corrupted is an error naming the
 * file kind and the defect, a download to a file leaves nothing behind, and inside a transaction nothing is
 * committed, so the next run gets the item again and fetches it whole.
 */
class DownloadVerificationTest {
  private static final byte[] FIT = garminFit();
  private static final String TCX = TestFiles.tcx();
  private static final String GPX = TestFiles.gpx();
  private static final String FIT_PATH = "GET /v3/exercises/2AC312F/fit";

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @TempDir
  Path dir;

  // ------------------------------------------------------------------ the checks, one by one

  @Test
  void aFitWhoseHeaderDeclaresMoreDataThanTheBodyHoldsIsRejectedAndLeavesNoFile()
      throws IOException {
    mock.enqueue(binary(cut(FIT, 700))); // a complete HTTP message whose content is half a file
    Path target = dir.resolve("2AC312F.fit");

    InvalidResponseException e = catchThrowableOfType(
        InvalidResponseException.class, () -> mock.user().exercises().fit("2AC312F", target));

    assertThat(e)
        .hasMessage(
            FIT_PATH + " answered HTTP 200 with a damaged FIT file: FIT data size 1276 declared,"
                + " 686 received");
    assertThat(e.status()).isEqualTo(200);
    assertThat(filesIn(dir)).isEmpty(); // neither the target nor a temporary file
  }

  @Test
  void aFitWithAWrongCrcIsRejected() {
    mock.enqueue(binary(flipped(FIT, 500)));

    assertThatThrownBy(() -> mock.user().exercises().fit("2AC312F", new ByteArrayOutputStream()))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith(
            FIT_PATH + " answered HTTP 200 with a damaged FIT file: FIT file CRC 0x")
        .hasMessageEndingWith(" computed");
  }

  @Test
  void aDamagedDownloadKeepsThePreviousFile() throws IOException {
    Path target = Files.write(dir.resolve("2AC312F.fit"), FIT);
    mock.enqueue(binary(flipped(FIT, 3)));

    assertThatThrownBy(() -> mock.user().exercises().fit("2AC312F", target))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("FIT header CRC");

    assertThat(filesIn(dir)).containsExactly(target);
    assertThat(Files.readAllBytes(target)).isEqualTo(FIT);
  }

  @Test
  void aGzippedTcxCutShortIsRejected() {
    byte[] gz = TestFiles.gzip(TCX);
    mock.enqueue(binary(cut(gz, gz.length / 2)));

    assertThatThrownBy(() -> mock.user().exercises().tcx("2AC312F", dir.resolve("a.tcx")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "GET /v3/exercises/2AC312F/tcx answered HTTP 200 with a damaged TCX file: the TCX gzip stream is"
                + " cut short");
  }

  @Test
  void aPlainTcxCutShortIsRejectedAfterTheWholeBodyWasCopied() {
    String half = TCX.substring(0, TCX.length() / 2);
    mock.enqueue(new MockResponse.Builder().code(200).body(half).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> mock.user().exercises().tcx("2AC312F", out))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageMatching(
            "GET /v3/exercises/2AC312F/tcx answered HTTP 200 with a damaged TCX file: TCX is not"
                + " well-formed XML at line \\d+, column \\d+: XML document structures must start and end within the same"
                + " entity\\.");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(half); // the stream holds what came: discard it
  }

  @Test
  void aGzippedTcxIsCheckedAfterDecompression() throws IOException {
    mock.enqueue(binary(TestFiles.gzip(GPX)));

    assertThatThrownBy(() -> mock.user().exercises().tcx("2AC312F", dir.resolve("a.tcx")))
        .hasMessageEndingWith(
            "damaged TCX file: TCX root element is <gpx>, not <TrainingCenterDatabase>");
    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void aCutGpxIsRejected() throws IOException {
    mock.enqueue(new MockResponse.Builder()
        .code(200)
        .body(GPX.substring(0, GPX.length() - 40))
        .build());

    assertThatThrownBy(() -> mock.user().exercises().gpx("2AC312F", dir.resolve("a.gpx")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith(
            "GET /v3/exercises/2AC312F/gpx answered HTTP 200 with a damaged GPX file: GPX is not"
                + " well-formed XML at line ");
    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void wholeFilesPassByteForByte() throws IOException {
    mock.enqueue(binary(FIT));
    mock.enqueue(binary(TestFiles.gzip(TCX)));
    mock.enqueue(new MockResponse.Builder().code(200).body(GPX).build());

    mock.user().exercises().fit("A", dir.resolve("a.fit"));
    mock.user().exercises().tcx("A", dir.resolve("a.tcx"));
    mock.user().exercises().gpx("A", dir.resolve("a.gpx"));

    assertThat(Files.readAllBytes(dir.resolve("a.fit"))).isEqualTo(FIT);
    assertThat(Files.readString(dir.resolve("a.tcx"))).isEqualTo(TCX);
    assertThat(Files.readString(dir.resolve("a.gpx"))).isEqualTo(GPX);
    assertThat(filesIn(dir)).hasSize(3);
  }

  @Test
  void okHttpReportsABodyShorterThanItsContentLengthAsABrokenStream() throws IOException {
    // The server declares the whole file but closes the connection after half of it.
    mock.enqueue(new MockResponse.Builder()
        .code(200)
        .body(new Buffer().write(cut(FIT, 700)))
        .setHeader("Content-Length", FIT.length)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    Path target = dir.resolve("2AC312F.fit");

    AccessLinkIOException e = catchThrowableOfType(
        AccessLinkIOException.class, () -> mock.user().exercises().fit("2AC312F", target));

    assertThat(e)
        .isExactlyInstanceOf(
            AccessLinkIOException.class); // the public type, not the internal signal
    assertThat(e)
        .hasMessage(
            FIT_PATH + " broke off while streaming the FIT body (700 of 1292 bytes received)");
    assertThat(e.isTimeout()).isFalse();
    assertThat(e.getCause()).hasMessageContaining("unexpected end of stream");
    assertThat(filesIn(dir)).isEmpty();
  }

  // ------------------------------------------------------------------ retries

  @Nested
  class WithRetries {
    @RegisterExtension
    final MockAccessLink retrying =
        MockAccessLink.withRetries(RetryPolicy.builder().maxAttempts(3).build());

    @Test
    void aDamagedDownloadToAFileIsFetchedOnceMore() throws IOException {
      retrying.enqueue(binary(cut(FIT, 900)));
      retrying.enqueue(binary(FIT));
      Path target = dir.resolve("2AC312F.fit");

      retrying.user().exercises().fit("2AC312F", target);

      assertThat(Files.readAllBytes(target)).isEqualTo(FIT);
      assertThat(filesIn(dir)).containsExactly(target);
      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
      assertThat(retrying.sleeps()).hasSize(1);
    }

    @Test
    void aFileDamagedTwiceIsThrownAfterTheSecondAttemptThoughThePolicyAllowsThree()
        throws IOException {
      for (int i = 0; i < 3; i++) {
        retrying.enqueue(binary(flipped(FIT, 700)));
      }

      assertThatThrownBy(
              () -> retrying.user().exercises().fit("2AC312F", dir.resolve("2AC312F.fit")))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("FIT file CRC");

      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
      assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aDamagedDownloadToAStreamIsNotRepeated() {
      retrying.enqueue(binary(cut(FIT, 900)));

      assertThatThrownBy(
              () -> retrying.user().exercises().fit("2AC312F", new ByteArrayOutputStream()))
          .isInstanceOf(InvalidResponseException.class);
      assertThat(retrying.server().getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsFetchedAgain() throws IOException {
      retrying.enqueue(new MockResponse.Builder()
          .code(200)
          .body(new Buffer().write(cut(FIT, 700)))
          .setHeader("Content-Length", FIT.length)
          .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
          .build());
      retrying.enqueue(binary(FIT));
      Path target = dir.resolve("2AC312F.fit");

      retrying.user().exercises().fit("2AC312F", target);

      assertThat(Files.readAllBytes(target)).isEqualTo(FIT);
      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
    }
  }

  // ------------------------------------------------------------------ inside a transaction

  /** How the one file of the item arrives on the first run. */
  enum Damage {
    FIT_DATA_SIZE_LARGER_THAN_BODY("fit", "FIT data size 1276 declared, 686 received"),
    FIT_WRONG_CRC("fit", "FIT file CRC 0x"),
    TCX_CUT("tcx", "the TCX gzip stream is cut short"),
    GPX_CUT("gpx", "GPX is not well-formed XML");

    final String file;
    final String defect;

    Damage(String file, String defect) {
      this.file = file;
      this.defect = defect;
    }

    byte[] whole() {
      return switch (file) {
        case "fit" -> FIT;
        case "tcx" -> TestFiles.gzip(TCX);
        default -> GPX.getBytes(StandardCharsets.UTF_8);
      };
    }

    byte[] damaged() {
      byte[] whole = whole();
      return this == FIT_WRONG_CRC
          ? flipped(whole, 1000)
          : this == FIT_DATA_SIZE_LARGER_THAN_BODY ? cut(whole, 700) : cut(whole, whole.length / 2);
    }

    void download(ExerciseItem item, Path target) {
      switch (file) {
        case "fit" -> item.downloadFit(target);
        case "tcx" -> item.downloadTcx(target);
        default -> item.downloadGpx(target);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedFileInATransactionIsNotCommittedAndTheRerunFetchesItWhole(Damage damage)
      throws IOException {
    Path target = dir.resolve("56." + damage.file);
    transactionWithOneExercise(34, damage.damaged());

    TransactionAbortedException e = catchThrowableOfType(
        TransactionAbortedException.class,
        () -> mock.user()
            .transactions()
            .forUser(12)
            .exercises(item -> damage.download(item, target)));

    assertThat(e.transactionId()).isEqualTo(34);
    assertThat(e.itemId()).hasValue(56);
    assertThat(e.getCause())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining(
            "with a damaged " + damage.file.toUpperCase() + " file: " + damage.defect);
    assertThat(e).hasMessageContaining("Nothing in transaction 34 was committed");
    assertThat(methods(4)).containsExactly("POST", "GET", "GET", "GET");
    assertThat(mock.server().getRequestCount()).isEqualTo(4); // no PUT: nothing was committed
    assertThat(filesIn(dir)).isEmpty();

    // The next run: AccessLink offers the session again, and this time it arrives whole.
    transactionWithOneExercise(35, damage.whole());
    mock.enqueueStatus(200); // commit
    mock.enqueueStatus(204); // nothing new

    TransactionResult result =
        mock.user().transactions().forUser(12).exercises(item -> damage.download(item, target));

    assertThat(result).isEqualTo(new TransactionResult(1, 1, 0));
    byte[] expected =
        damage == Damage.TCX_CUT ? TCX.getBytes(StandardCharsets.UTF_8) : damage.whole();
    assertThat(Files.readAllBytes(target)).isEqualTo(expected);
    assertThat(methods(6)).containsExactly("POST", "GET", "GET", "GET", "PUT", "POST");
  }

  @Test
  void aFileThatBreaksOffInATransactionReachesTheHandlerAsThePublicIoType() {
    String base = mock.server().url("/").toString();
    mock.enqueueJson(
        201,
        "{\"transaction-id\":34,\"resource-uri\":\"" + base
            + "v3/users/12/exercise-transactions/34\"}");
    mock.enqueueJson(
        200, "{\"exercises\":[\"" + base + "v3/users/12/exercise-transactions/34/exercises/56\"]}");
    mock.enqueueJson(
        200, MockAccessLink.fixture("getTransactionExercise.json").replace("1937529874", "56"));
    mock.enqueue(new MockResponse.Builder()
        .code(200)
        .body(new Buffer().write(cut(FIT, 700)))
        .setHeader("Content-Length", FIT.length)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    List<Throwable> seenByTheHandler = new ArrayList<>();

    TransactionAbortedException e = catchThrowableOfType(
        TransactionAbortedException.class,
        () -> mock.user().transactions().forUser(12).exercises(item -> {
          try {
            item.downloadFit(new ByteArrayOutputStream());
          } catch (RuntimeException thrown) {
            seenByTheHandler.add(thrown);
            throw thrown;
          }
        }));

    assertThat(seenByTheHandler).singleElement().isExactlyInstanceOf(AccessLinkIOException.class);
    assertThat(e.getCause())
        .isExactlyInstanceOf(AccessLinkIOException.class)
        .hasMessageContaining(
            "broke off while streaming the FIT body (700 of 1292 bytes received)");
    assertThat(methods(4)).containsExactly("POST", "GET", "GET", "GET"); // nothing committed
  }

  private void transactionWithOneExercise(long tx, byte[] file) {
    String base = mock.server().url("/").toString();
    mock.enqueueJson(
        201,
        "{\"transaction-id\":" + tx + ",\"resource-uri\":\"" + base
            + "v3/users/12/exercise-transactions/" + tx + "\"}");
    mock.enqueueJson(
        200,
        "{\"exercises\":[\"" + base + "v3/users/12/exercise-transactions/" + tx
            + "/exercises/56\"]}");
    mock.enqueueJson(
        200, MockAccessLink.fixture("getTransactionExercise.json").replace("1937529874", "56"));
    mock.enqueue(binary(file));
  }

  private List<String> methods(int count) {
    List<String> methods = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RecordedRequest request = mock.takeRequest();
      methods.add(request.getMethod());
    }
    return methods;
  }

  private static MockResponse binary(byte[] bytes) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/octet-stream")
        .body(new Buffer().write(bytes))
        .build();
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
