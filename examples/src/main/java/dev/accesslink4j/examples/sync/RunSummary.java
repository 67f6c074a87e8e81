package dev.accesslink4j.examples.sync;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.accesslink4j.examples.TerminalText;
import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The end of a CLI sync: the engine's report with what the CLI counted around it, as the closing lines, as one line
 * of JSON ({@code --json}) and as an exit code.
 *
 * @param report the engine's report
 * @param rateLimitWaits how often the rate budget held a request back
 * @param elapsed the sync's wall time
 * @param written files created or changed on disk (JSON and exercise files)
 * @param unchanged deliveries whose file already held the same bytes
 * @param pending what the pull notifications announced
 */
public record RunSummary(
    SyncReport report,
    long rateLimitWaits,
    Duration elapsed,
    long written,
    long unchanged,
    PendingData pending) {
  /** Exit code: everything synced. */
  public static final int EXIT_OK = 0;
  /** Exit code: some kind of some user failed, a user must be linked again, or the notifications failed. */
  public static final int EXIT_FAILURES = 1;
  /**
   * Exit code: stopped by AccessLink's rate limit (the 24-hour window is spent); run again after the time on standard
   * error. 75 is {@code EX_TEMPFAIL} of BSD's sysexits.h: a temporary failure, try again later.
   */
  public static final int EXIT_RATE_LIMITED = 75;

  private static final Gson GSON =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  /**
   * Checks the parts.
   *
   * @param report the report
   * @param rateLimitWaits the waits
   * @param elapsed the wall time
   * @param written files written
   * @param unchanged files unchanged
   * @param pending the notifications
   */
  public RunSummary {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(pending, "pending");
  }

  /**
   * The exit code: {@link #EXIT_RATE_LIMITED} when the rate limit stopped the run (whatever else failed: rerunning
   * later is what to do), {@link #EXIT_FAILURES} when a kind failed, a user was skipped for a refused token or the
   * notifications could not be read, else {@link #EXIT_OK}. Users busy in another process are not failures.
   *
   * @return 0, 1 or 75
   */
  public int exitCode() {
    if (report.stoppedUntil().isPresent()) {
      return EXIT_RATE_LIMITED;
    }
    if (!report.failures().isEmpty()
        || !report.skipped().isEmpty()
        || pending.error().isPresent()) {
      return EXIT_FAILURES;
    }
    return EXIT_OK;
  }

  /**
   * The failures in a stable order (user, then kind).
   *
   * @return the failures
   */
  public List<SyncFailure> failures() {
    List<SyncFailure> sorted = new ArrayList<>(report.failures());
    sorted.sort(Comparator.comparingLong(SyncFailure::userId).thenComparing(SyncFailure::kind));
    return sorted;
  }

  /**
   * The summary as one line of JSON: {@code users, items, files, bytes, requests, rateLimitWaits, failures} (with
   * {@code count} and {@code list} of {@code user, kind, reason, message}), {@code reLink, consentRequired, skipped,
   * busy} (user ids), {@code stoppedUntil} (an ISO-8601 instant or null), {@code seconds}, {@code written,
   * unchanged} (files on disk) and {@code notifications} ({@code usersWithNewData}, {@code notLinked}, {@code error}).
   *
   * @return the JSON text, without a line break
   */
  public String json() {
    JsonObject o = new JsonObject();
    o.addProperty("users", report.users());
    o.addProperty("items", report.items());
    o.addProperty("files", report.files());
    o.addProperty("bytes", report.bytes());
    o.addProperty("requests", report.requests());
    o.addProperty("rateLimitWaits", rateLimitWaits);
    JsonObject failures = new JsonObject();
    failures.addProperty("count", report.failures().size());
    JsonArray list = new JsonArray();
    for (SyncFailure failure : failures()) {
      JsonObject f = new JsonObject();
      f.addProperty("user", failure.userId());
      f.addProperty("kind", failure.kind().folder());
      f.addProperty("reason", failure.reason().name());
      f.addProperty("message", TerminalText.clean(failure.message()));
      list.add(f);
    }
    failures.add("list", list);
    o.add("failures", failures);
    o.add("reLink", ids(report.reLink()));
    o.add("consentRequired", ids(report.consentRequired()));
    o.add("skipped", ids(report.skipped()));
    o.add("busy", ids(report.busy()));
    o.add(
        "stoppedUntil",
        report
            .stoppedUntil()
            .<JsonElement>map(t -> new JsonPrimitive(t.toString()))
            .orElse(JsonNull.INSTANCE));
    o.addProperty(
        "seconds", BigDecimal.valueOf(elapsed.toMillis(), 3).setScale(3, RoundingMode.HALF_UP));
    o.addProperty("written", written);
    o.addProperty("unchanged", unchanged);
    JsonObject notifications = new JsonObject();
    notifications.addProperty("usersWithNewData", pending.usersWithNewData());
    notifications.add("notLinked", ids(pending.notLinked().keySet()));
    notifications.add(
        "error", pending.error().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
    o.add("notifications", notifications);
    return GSON.toJson(o);
  }

  /**
   * The last line of a human run.
   *
   * @return {@code synced <items> items for <users> users}
   */
  public String lastLine() {
    return "synced " + report.items() + " items for " + report.users() + " users";
  }

  private static JsonArray ids(Collection<Long> ids) {
    JsonArray array = new JsonArray();
    ids.stream().sorted().forEach(array::add);
    return array;
  }
}
