package dev.accesslink4j.examples.bench;

import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;
import com.sun.net.httpserver.HttpServer;
import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessLinkJson;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.generated.model.ContinuousHeartRate;
import dev.accesslink4j.generated.model.Sleep;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The SDK's performance figures, measured against one local HTTP server (run by hand, not in CI; see
 * BENCHMARKS.md): per-call overhead against a hand-written OkHttp + Gson call, a 1 GiB FIT download in constant
 * memory against a raw OkHttp stream copy, the heap needed to parse a 30-day continuous heart-rate backfill, and
 * the CLI's sync of 30 users' exercises against one request at a time ({@link SyncBenchmark}).
 */
public final class Benchmarks {
  private static final String TOKEN = "bench-token";
  /** The size of the served FIT file: 1 GiB, or {@code -Dbench.downloadMiB=N}. */
  private static final long GIB = Long.getLong("bench.downloadMiB", 1024) << 20;

  private static final byte[] CHUNK = new byte[64 * 1024];
  /** The served FIT file's 14-byte header and 2-byte CRC around {@code GIB - 16} data bytes of CHUNK's value. */
  private static final byte[] FIT_HEADER = new byte[14];

  private static final byte[] FIT_CRC = new byte[2];

  private Benchmarks() {}

  /**
   * Runs one scenario: {@code overhead}, {@code download}, {@code backfill} or {@code sync}.
   *
   * @param args the scenario name
   * @throws Exception when the server or a call fails
   */
  public static void main(String[] args) throws Exception {
    String scenario = args.length == 0 ? "overhead" : args[0];
    if (scenario.equals("sync")) {
      SyncBenchmark.run(); // its own fake AccessLink, no server here
      return;
    }
    Arrays.fill(CHUNK, (byte) 0x2e);
    if (scenario.equals("download")) {
      prepareFit();
    }
    HttpServer server = startServer();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    try (AccessLink accessLink = AccessLink.builder()
        .clientId("bench")
        .clientSecret(ClientSecret.of("bench-secret"))
        .apiUrl(base)
        .retryPolicy(RetryPolicy.disabled())
        .build()) {
      UserClient user = accessLink.user(AccessToken.of(TOKEN));
      switch (scenario) {
        case "overhead" -> overhead(user, base);
        case "download" -> download(user, base);
        case "backfill" -> backfill(user);
        default -> throw new IllegalArgumentException("unknown scenario " + scenario);
      }
    } finally {
      server.stop(0);
    }
  }

  private static void overhead(UserClient user, URI base) throws IOException {
    OkHttpClient raw = new OkHttpClient();
    // The same java.time adapters the SDK registers: Polar's sleep times need them in any
    // hand-written client.
    Gson gson = AccessLinkJson.gson();
    LocalDate date = LocalDate.of(2025, 1, 1);
    Request request = new Request.Builder()
        .url(base.resolve("v3/users/sleep/" + date).toString())
        .header("Authorization", "Bearer " + TOKEN)
        .header("Accept", "application/json")
        .build();
    int warmup = Integer.getInteger("bench.warmup", 2_000);
    int rounds = Integer.getInteger("bench.rounds", 5_000);
    long[] sdk = new long[rounds];
    long[] hand = new long[rounds];
    for (int i = 0; i < warmup; i++) {
      user.sleep().get(date);
      handWritten(raw, gson, request);
    }
    for (int i = 0; i < rounds; i++) {
      if (i % 2 == 0) {
        long t0 = System.nanoTime();
        user.sleep().get(date).orElseThrow();
        long t1 = System.nanoTime();
        handWritten(raw, gson, request);
        hand[i] = System.nanoTime() - t1;
        sdk[i] = t1 - t0;
      } else {
        long t0 = System.nanoTime();
        handWritten(raw, gson, request);
        long t1 = System.nanoTime();
        user.sleep().get(date).orElseThrow();
        sdk[i] = System.nanoTime() - t1;
        hand[i] = t1 - t0;
      }
    }
    double sdkMedian = median(sdk) / 1000.0;
    double handMedian = median(hand) / 1000.0;
    System.out.printf(
        Locale.ROOT,
        "overhead: SDK median %.1f us, hand-written OkHttp+Gson median %.1f us, ratio %.3f (target <= 1.10)%n",
        sdkMedian,
        handMedian,
        sdkMedian / handMedian);
    raw.dispatcher().executorService().shutdown();
  }

  private static Sleep handWritten(OkHttpClient raw, Gson gson, Request request)
      throws IOException {
    try (Response response = raw.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return gson.fromJson(
          new JsonReader(
              new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8)),
          Sleep.class);
    }
  }

  private static void download(UserClient user, URI base) throws IOException {
    OkHttpClient raw = new OkHttpClient();
    Request request = new Request.Builder()
        .url(base.resolve("v3/exercises/bench/fit").toString())
        .header("Authorization", "Bearer " + TOKEN)
        .build();
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      long sdkBytes = user.exercises().fit("bench", OutputStream.nullOutputStream());
      long t1 = System.nanoTime();
      long rawBytes;
      try (Response response = raw.newCall(request).execute();
          InputStream in = response.body().byteStream()) {
        rawBytes = in.transferTo(OutputStream.nullOutputStream());
      }
      long t2 = System.nanoTime();
      double sdkMbs = sdkBytes / 1048576.0 / ((t1 - t0) / 1e9);
      double rawMbs = rawBytes / 1048576.0 / ((t2 - t1) / 1e9);
      System.out.printf(
          Locale.ROOT,
          "download round %d: SDK %d bytes at %.0f MiB/s, raw OkHttp %d bytes at %.0f MiB/s, ratio %.3f"
              + " (target >= 0.8), max heap %d MiB, peak heap used %.1f MiB%n",
          round,
          sdkBytes,
          sdkMbs,
          rawBytes,
          rawMbs,
          sdkMbs / rawMbs,
          Runtime.getRuntime().maxMemory() >> 20,
          peakHeapMiB());
    }
    raw.dispatcher().executorService().shutdown();
  }

  private static void backfill(UserClient user) {
    resetPeaks();
    LocalDate to = LocalDate.now();
    java.util.List<ContinuousHeartRate> days =
        user.continuousHeartRate().range(to.minusDays(29), to);
    long samples = days.stream().mapToLong(d -> d.getHeartRateSamples().size()).sum();
    System.out.printf(
        Locale.ROOT,
        "backfill: %d days, %d samples parsed, max heap %d MiB, peak heap used %.1f MiB (target < 32)%n",
        days.size(),
        samples,
        Runtime.getRuntime().maxMemory() >> 20,
        peakHeapMiB());
  }

  private static HttpServer startServer() throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK, and every
    // exchange takes about 40 ms whichever client sends it: the server, not the client, would be
    // measured.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "bench-server");
      thread.setDaemon(true);
      return thread;
    }));
    byte[] sleep = sleepJson().getBytes(StandardCharsets.UTF_8);
    server.createContext("/v3/users/sleep/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, sleep.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(sleep);
      }
    });
    server.createContext("/v3/exercises/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, GIB);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(FIT_HEADER);
        for (long left = GIB - 16; left > 0; left -= CHUNK.length) {
          out.write(CHUNK, 0, (int) Math.min(left, CHUNK.length));
        }
        out.write(FIT_CRC);
      }
    });
    server.createContext("/v3/users/continuous-heart-rate", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = new java.io.BufferedOutputStream(exchange.getResponseBody(), 65536)) {
        writeHeartRateDays(out);
      }
    });
    server.start();
    return server;
  }

  /** 30 days of samples about every 40 s (about 65,000 in total), streamed as Polar's array of day objects. */
  private static void writeHeartRateDays(OutputStream out) throws IOException {
    LocalDate start = LocalDate.now().minusDays(29);
    StringBuilder sb = new StringBuilder(1 << 16);
    out.write('[');
    for (int day = 0; day < 30; day++) {
      sb.setLength(0);
      if (day > 0) {
        sb.append(',');
      }
      sb.append("{\"polar_user\":\"https://www.polaraccesslink.com/v3/users/1\",\"date\":\"")
          .append(start.plusDays(day))
          .append("\",\"heart_rate_samples\":[");
      for (int s = 0; s < 2167; s++) {
        int seconds = s * 40;
        if (s > 0) {
          sb.append(',');
        }
        sb.append("{\"heart_rate\":")
            .append(55 + (s * 7 + day) % 60)
            .append(",\"sample_time\":\"")
            .append(String.format(
                Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60))
            .append("\"}");
      }
      sb.append("]}");
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    out.write(']');
  }

  private static String sleepJson() {
    return "{\"polar_user\":\"https://www.polaraccesslink.com/v3/users/1\",\"date\":\"2025-01-01\","
        + "\"sleep_start_time\":\"2025-01-01T00:39:07+03:00\",\"sleep_end_time\":\"2025-01-01T09:19:37+03:00\","
        + "\"device_id\":\"1111AAAA\",\"continuity\":2.1,\"continuity_class\":2,\"light_sleep\":1000,"
        + "\"deep_sleep\":1000,\"rem_sleep\":1000,\"unrecognized_sleep_stage\":1000,\"sleep_score\":80,"
        + "\"total_interruption_duration\":1000,\"sleep_charge\":3,\"sleep_goal\":28800,\"sleep_rating\":3,"
        + "\"short_interruption_duration\":500,\"long_interruption_duration\":300,\"sleep_cycles\":6,"
        + "\"group_duration_score\":100.0,\"group_solidity_score\":75.0,\"group_regeneration_score\":54.2,"
        + "\"hypnogram\":{\"00:39\":2,\"00:50\":3,\"01:23\":6},\"heart_rate_samples\":{\"00:41\":76,\"00:46\":77}}";
  }

  /**
   * Builds a valid FIT file around the data: the SDK checks every download (header, data size, CRC), so the served
   * bytes must be a real FIT file for the SDK's copy to count, as a real one would.
   */
  private static void prepareFit() {
    long dataSize = GIB - 16;
    FIT_HEADER[0] = 14;
    FIT_HEADER[1] = 0x20;
    for (int k = 0; k < 4; k++) {
      FIT_HEADER[4 + k] = (byte) (dataSize >>> (8 * k));
    }
    FIT_HEADER[8] = '.';
    FIT_HEADER[9] = 'F';
    FIT_HEADER[10] = 'I';
    FIT_HEADER[11] = 'T'; // header CRC 0: "not computed", which the protocol allows
    int[] table = new int[256];
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int bit = 0; bit < 8; bit++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0xA001 : c >>> 1;
      }
      table[i] = c;
    }
    int crc = 0;
    for (byte b : FIT_HEADER) {
      crc = (crc >>> 8) ^ table[(crc ^ b) & 0xFF];
    }
    for (long i = 0; i < dataSize; i++) {
      crc = (crc >>> 8) ^ table[(crc ^ CHUNK[0]) & 0xFF];
    }
    FIT_CRC[0] = (byte) crc;
    FIT_CRC[1] = (byte) (crc >>> 8);
  }

  private static long median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static double peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1048576.0;
  }
}
