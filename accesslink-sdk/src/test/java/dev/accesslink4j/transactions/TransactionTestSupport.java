package dev.accesslink4j.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.MockAccessLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the transaction tests share: the mock AccessLink without retries, and helpers that enqueue a created or
 * listed transaction and take the requests the SDK sent.
 */
abstract class TransactionTestSupport {
  static final String POLAR = "https://www.polaraccesslink.com/";
  static final String BEARER = "Bearer " + MockAccessLink.TOKEN;

  @RegisterExtension
  final MockAccessLink m = MockAccessLink.withoutRetries();

  String base() {
    return m.server().url("/").toString();
  }

  /** A spec example with its URLs moved from Polar's host to the mock server. */
  String local(String fixture) {
    return MockAccessLink.fixture(fixture).replace(POLAR, base());
  }

  void created(String kind, long user, long tx) {
    m.enqueueJson(
        201,
        "{\"transaction-id\":" + tx + ",\"resource-uri\":\"" + base() + "v3/users/" + user + "/"
            + kind + "/" + tx + "\"}");
  }

  void listed(String key, String kind, long user, long tx, String items, long... ids) {
    String urls = LongStream.of(ids)
        .mapToObj(id -> "\"" + base() + "v3/users/" + user + "/" + kind + "/" + tx + "/" + items
            + "/" + id + "\"")
        .collect(Collectors.joining(","));
    m.enqueueJson(200, "{\"" + key + "\":[" + urls + "]}");
  }

  void exercise(long id) {
    m.enqueueJson(
        200,
        MockAccessLink.fixture("getTransactionExercise.json")
            .replace("1937529874", Long.toString(id)));
  }

  RecordedRequest take(String method, String path) {
    RecordedRequest r = m.takeRequest();
    assertThat(r.getMethod() + " " + r.getTarget()).isEqualTo(method + " " + path);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(BEARER);
    return r;
  }

  void takeCommit(String path) {
    RecordedRequest r = take("PUT", path);
    assertThat(r.getBodySize()).isZero();
  }

  static TransactionsService tx(MockAccessLink m) {
    return m.user().transactions().forUser(12);
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
