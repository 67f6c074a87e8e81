package dev.accesslink4j.examples;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** Plays AccessLink's side of a webhook in the CLI's tests: finds a running receiver's port and posts deliveries. */
final class WebhookClient {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient();

  /**
   * The port a {@code webhook} command listens on, from its {@code listening for AccessLink webhooks on} line.
   *
   * @param run the running command
   * @param wait how long to wait for the line
   * @return the port
   * @throws InterruptedException if interrupted while waiting
   */
  static int port(Cli.Background run, Duration wait) throws InterruptedException {
    String line = run.out.await(l -> l.startsWith("listening for AccessLink webhooks on "), wait);
    String address =
        line.substring(line.indexOf("http://"), line.indexOf('/', line.indexOf("http://") + 7));
    return URI.create(address).getPort();
  }

  /**
   * Posts one delivery to the receiver on the loopback address.
   *
   * @param port the receiver's port
   * @param event the {@code Polar-Webhook-Event} header
   * @param body the body
   * @param signature the {@code Polar-Webhook-Signature} header, or null for none
   * @return the answer; close it
   * @throws IOException when the receiver cannot be reached
   */
  Response post(int port, String event, byte[] body, @Nullable String signature)
      throws IOException {
    Request.Builder request = new Request.Builder()
        .url("http://127.0.0.1:" + port + "/")
        .header("Polar-Webhook-Event", event)
        .post(RequestBody.create(body, JSON));
    if (signature != null) {
      request.header("Polar-Webhook-Signature", signature);
    }
    return http.newCall(request.build()).execute();
  }
}
