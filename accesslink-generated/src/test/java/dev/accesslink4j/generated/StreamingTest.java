package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.accesslink4j.generated.api.ExercisesApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Streaming;

/**
 * FIT, TCX and GPX downloads stream: without {@code @Streaming} Retrofit reads the whole body into memory before
 * {@code execute()} returns (its {@code BuiltInConverters} buffer every non-streaming {@code ResponseBody}).
 */
class StreamingTest {

  private static final long LARGE = 50L * 1024 * 1024;
  private static final byte FILL = 0x2e;

  @RegisterExtension
  final ApiServer server = new ApiServer();

  @Test
  void exactlyTheBinaryOperationsAreStreamingCallsOfResponseBody() {
    Set<String> binary = Spec.operations().stream()
        .filter(op -> !op.binaryMediaTypes().isEmpty())
        .map(Spec.Operation::operationId)
        .collect(Collectors.toSet());
    assertThat(binary)
        .containsExactlyInAnyOrder(
            "getExerciseFit",
            "getExerciseTcx",
            "getExerciseGpx",
            "getTransactionExerciseFit",
            "getTransactionExerciseTcx",
            "getTransactionExerciseGpx");

    for (Spec.Operation op : Spec.operations()) {
      Method method = GeneratedApis.method(op);
      boolean isBinary = binary.contains(op.operationId());
      assertThat(method.isAnnotationPresent(Streaming.class))
          .as("%s is @Streaming", op)
          .isEqualTo(isBinary);
      if (isBinary) {
        ParameterizedType returns = (ParameterizedType) method.getGenericReturnType();
        assertThat(returns.getRawType()).as("%s returns a Call", op).isEqualTo(Call.class);
        assertThat(returns.getActualTypeArguments())
            .as("%s returns Call<ResponseBody>", op)
            .containsExactly(ResponseBody.class);
      }
    }
  }

  @Test
  void aLargeDownloadIsStillStreamingAfterTheFirstByte() throws IOException {
    server.enqueue(download(LARGE));
    ExercisesApi api = server.api(ExercisesApi.class);

    Response<ResponseBody> response = assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> api.getExerciseFit("2AC312F").execute());

    try (ResponseBody body = response.body()) {
      assertThat(body.contentLength()).isEqualTo(LARGE);
      BufferedSource source = body.source();
      assertThat(source.readByte()).isEqualTo(FILL);
      assertThat(source.getBuffer().size())
          .as("bytes held in memory after reading one")
          .isLessThan(1024 * 1024);
    }
  }

  /** The control: the same probe on a method without {@code @Streaming} finds the whole body in memory. */
  @Test
  void withoutStreamingTheWholeBodyWouldBeInMemory() throws IOException {
    long size = 5L * 1024 * 1024;
    server.enqueue(download(size));

    Response<ResponseBody> response =
        server.api(UnstreamedFit.class).fit("2AC312F").execute();

    try (ResponseBody body = response.body()) {
      BufferedSource source = body.source();
      assertThat(source.readByte()).isEqualTo(FILL);
      assertThat(source.getBuffer().size()).isEqualTo(size - 1);
    }
  }

  /** The FIT download as the stock retrofit2 template generates it: no {@code @Streaming}. */
  interface UnstreamedFit {
    @GET("v3/exercises/{exerciseId}/fit")
    Call<ResponseBody> fit(@Path("exerciseId") String exerciseId);
  }

  /** A binary response of {@code size} bytes, produced while it is sent rather than held in memory. */
  private static MockResponse download(long size) {
    MockResponseBody body = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return size;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, FILL);
        for (long left = size; left > 0; left -= chunk.length) {
          sink.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
      }
    };
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/octet-stream")
        .body(body)
        .build();
  }
}
