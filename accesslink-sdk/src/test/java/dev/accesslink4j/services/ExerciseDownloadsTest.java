package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.TestFiles;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FIT, TCX and GPX downloads of {@link ExercisesService}: the request each one sends, the bytes that arrive in a
 * file or a stream, gzip handling, and what a cut-short, missing or empty answer leaves behind, with and without
 * retries.
 */
class ExerciseDownloadsTest {
  private static final String FIT_ACCEPT = "*/*, application/json";
  private static final String TCX_ACCEPT = "application/vnd.garmin.tcx+xml, application/json";
  private static final String GPX_ACCEPT = "application/gpx+xml, application/json";
  private static final String TCX =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>\n";

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @TempDir
  Path dir;

  @Test
  void fitIsStreamedToAFile() throws IOException {
    byte[] fit = fitFile(3 * 1024 * 1024 + 17);
    mock.enqueue(binary(fit).build());
    Path target = dir.resolve("sessions/2AC312F.fit");

    Path written = mock.user().exercises().fit("2AC312F", target);

    assertGet(mock.takeRequest(), "/v3/exercises/2AC312F/fit", null, FIT_ACCEPT);
    assertThat(written).isEqualTo(target);
    assertThat(Files.readAllBytes(target)).isEqualTo(fit);
    assertThat(filesIn(target.getParent())).containsExactly(target);
  }

  @Test
  void fitIsStreamedToAStream() {
    byte[] fit = fitFile(256 * 1024);
    mock.enqueue(binary(fit).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long count = mock.user().exercises().fit("2AC312F", out);

    assertThat(count).isEqualTo(fit.length);
    assertThat(out.toByteArray()).isEqualTo(fit);
  }

  @Test
  void aFitBodyIsNeverDecompressed() {
    mock.enqueue(
        binary(TestFiles.gzip("FIT bytes that happen to look like gzip")).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> mock.user().exercises().fit("2AC312F", out))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "GET /v3/exercises/2AC312F/fit answered HTTP 200 with a damaged FIT file: FIT header size 31 is"
                + " neither 12 nor 14: not a FIT file");
  }

  @Test
  void aDownloadCutShortLeavesNoFile() throws IOException {
    mock.enqueue(binary(fitFile(2 * 1024 * 1024))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    Path target = dir.resolve("2AC312F.fit");

    assertThatThrownBy(() -> mock.user().exercises().fit("2AC312F", target))
        .isExactlyInstanceOf(
            AccessLinkIOException.class) // not the SDK's internal broken-stream type
        .hasMessageMatching(
            "GET /v3/exercises/2AC312F/fit broke off while streaming the FIT body \\(\\d+ of 2097152 bytes received\\)");

    assertThat(filesIn(dir)).isEmpty(); // neither the target nor the temporary file
  }

  @Nested
  class WithRetries {
    @RegisterExtension
    final MockAccessLink retrying =
        MockAccessLink.withRetries(RetryPolicy.builder().maxAttempts(2).build());

    @Test
    void aFileDownloadCutShortStartsAgainAndCompletes() throws IOException {
      byte[] fit = fitFile(2 * 1024 * 1024);
      retrying.enqueue(
          binary(fit).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
      retrying.enqueue(binary(fit).build());
      Path target = dir.resolve("2AC312F.fit");

      retrying.user().exercises().fit("2AC312F", target);

      assertThat(Files.readAllBytes(target)).isEqualTo(fit);
      assertThat(filesIn(dir)).containsExactly(target);
      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
      assertThat(retrying.sleeps()).hasSize(1);
    }

    @Test
    void aStreamDownloadCutShortIsNotRepeated() {
      retrying.enqueue(binary(fitFile(2 * 1024 * 1024))
          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
          .build());

      assertThatThrownBy(
              () -> retrying.user().exercises().fit("2AC312F", new ByteArrayOutputStream()))
          .isExactlyInstanceOf(AccessLinkIOException.class);
      assertThat(retrying.server().getRequestCount()).isEqualTo(1);
    }

    @Test
    void aFileDownloadCutShortOnEveryAttemptThrowsThePublicType() throws IOException {
      for (int i = 0; i < 2; i++) {
        retrying.enqueue(binary(fitFile(2 * 1024 * 1024))
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
      }
      Path target = dir.resolve("2AC312F.fit");

      AccessLinkIOException e = catchThrowableOfType(
          AccessLinkIOException.class, () -> retrying.user().exercises().fit("2AC312F", target));

      assertThat(e).isExactlyInstanceOf(AccessLinkIOException.class);
      assertThat(e.getMessage())
          .startsWith("GET /v3/exercises/2AC312F/fit broke off while streaming the FIT body");
      assertThat(e.isTimeout()).isFalse();
      assertThat(e.getCause())
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(AccessLinkIOException.class);
      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
      assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void a204WithoutAFileIsFetchedOnceMoreLikeADamagedFile() throws IOException {
      retrying.enqueueStatus(204);
      retrying.enqueueStatus(204);

      assertThatThrownBy(
              () -> retrying.user().exercises().fit("2AC312F", dir.resolve("2AC312F.fit")))
          .isExactlyInstanceOf(InvalidResponseException.class)
          .hasMessage("GET /v3/exercises/2AC312F/fit answered HTTP 204 without a file");
      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
      assertThat(filesIn(dir)).isEmpty();
    }
  }

  @Test
  void aStreamReceivesTheBytesAsTheyArriveNotAfterBuffering() {
    byte[] fit = fitFile(2 * 1024 * 1024);
    mock.enqueue(
        binary(fit).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> mock.user().exercises().fit("2AC312F", out))
        .isExactlyInstanceOf(AccessLinkIOException.class);

    // a buffered body would have failed before anything was written
    assertThat(out.size()).isPositive().isLessThan(fit.length);
  }

  @Test
  void aDownloadCutShortKeepsThePreviousFile() throws IOException {
    Path target = dir.resolve("2AC312F.fit");
    Files.writeString(target, "previous");
    mock.enqueue(binary(fitFile(2 * 1024 * 1024))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build());

    assertThatThrownBy(() -> mock.user().exercises().fit("2AC312F", target))
        .isInstanceOf(AccessLinkIOException.class);

    assertThat(filesIn(dir)).containsExactly(target);
    assertThat(Files.readString(target)).isEqualTo("previous");
  }

  @Test
  void anUnknownSessionHasNoFile() throws IOException {
    mock.enqueueJson(404, "{\"error\":{\"error_type\":\"NOT_FOUND\",\"corr_id\":\"c-4\"}}");
    Path target = dir.resolve("GONE.fit");

    assertThatThrownBy(() -> mock.user().exercises().fit("GONE", target))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("GET /v3/exercises/GONE/fit failed with HTTP 404")
        .hasMessageContaining("c-4");
    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void a204WithoutAFileIsAnInvalidResponseNamingTheStatusAndPath() {
    mock.enqueueStatus(204);

    InvalidResponseException e = catchThrowableOfType(
        InvalidResponseException.class,
        () -> mock.user().exercises().gpx("2AC312F", new ByteArrayOutputStream()));

    assertThat(e).isExactlyInstanceOf(InvalidResponseException.class);
    assertThat(e).hasMessage("GET /v3/exercises/2AC312F/gpx answered HTTP 204 without a file");
    assertThat(e.status()).isEqualTo(204);
    assertThat(e.bodySnippet()).isEmpty();
  }

  @Test
  void a204WithoutAFileWritesNoFile() throws IOException {
    mock.enqueueStatus(204);
    Path target = dir.resolve("2AC312F.fit");

    assertThatThrownBy(() -> mock.user().exercises().fit("2AC312F", target))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage("GET /v3/exercises/2AC312F/fit answered HTTP 204 without a file");
    assertThat(filesIn(dir)).isEmpty();
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void tcxSentAsRawGzipIsDecompressed() throws IOException {
    mock.enqueue(new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/vnd.garmin.tcx+xml")
        .body(new Buffer().write(gzip(TCX)))
        .build());
    Path target = dir.resolve("2AC312F.tcx");

    mock.user().exercises().tcx("2AC312F", target);

    assertGet(mock.takeRequest(), "/v3/exercises/2AC312F/tcx", null, TCX_ACCEPT);
    assertThat(Files.readString(target)).isEqualTo(TCX);
  }

  @Test
  void tcxWithContentEncodingGzipIsDecompressed() throws IOException {
    mock.enqueue(new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/vnd.garmin.tcx+xml")
        .setHeader("Content-Encoding", "gzip")
        .body(new Buffer().write(gzip(TCX)))
        .build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long count = mock.user().exercises().tcx("2AC312F", out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(TCX);
    assertThat(count).isEqualTo(TCX.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void plainTcxIsCopiedAsIs() {
    mock.enqueue(new MockResponse.Builder().code(200).body(TCX).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    mock.user().exercises().tcx("2AC312F", out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(TCX);
  }

  @Test
  void gpxIsDownloaded() throws IOException {
    String gpx = "<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk/></gpx>";
    mock.enqueue(new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/gpx+xml")
        .body(gpx)
        .build());
    Path target = dir.resolve("2AC312F.gpx");

    assertThat(mock.user().exercises().gpx("2AC312F", target)).isEqualTo(target);

    assertGet(mock.takeRequest(), "/v3/exercises/2AC312F/gpx", null, GPX_ACCEPT);
    assertThat(Files.readString(target)).isEqualTo(gpx);
  }

  private static MockResponse.Builder binary(byte[] bytes) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/octet-stream")
        .body(new Buffer().write(bytes));
  }

  /** A valid FIT file of {@code size} bytes in all (header 14, data, CRC 2). */
  private static byte[] fitFile(int size) {
    return TestFiles.syntheticFit(size - 16, 42);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
