package dev.accesslink4j.examples.sync;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.examples.Messages;
import dev.accesslink4j.generated.model.AvailableUserData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Syncs linked users' AccessLink data into a folder: {@code <out>/<polar-user-id>/<kind>/<item id or date>.<ext>}.
 *
 * <p>For each user it takes out the exercise, activity and physical-information transactions (committing each only
 * after its items are on disk), then reads the other kinds for the days of the window. A failed step is reported
 * and the sync goes on with the next one; a revoked token or missing consent skips the rest of that user; a spent
 * rate limit stops the whole sync (every further request would be refused and still count). Files are written
 * atomically and only when their content changed, so a rerun finishes what a failed run left and writes nothing
 * twice.
 */
public final class SyncEngine {
  private final AccessLink client;
  private final Path out;
  private final OutputWriter writer;
  private final ProgressReporter progress;
  private final List<SyncStep> steps;

  /**
   * Creates the engine.
   *
   * @param client the AccessLink client (its credentials are used for pull notifications)
   * @param out the output folder
   * @param window the days to read the non-transactional kinds for
   * @param progress where progress goes
   */
  public SyncEngine(AccessLink client, Path out, DateWindow window, ProgressReporter progress) {
    this.client = Objects.requireNonNull(client, "client");
    this.out = Objects.requireNonNull(out, "out");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.writer = new OutputWriter();
    List<SyncStep> all = new ArrayList<>(new TransactionSteps(writer).steps());
    all.addAll(new DailySteps(writer, window).steps());
    this.steps = List.copyOf(all);
  }

  /**
   * The data kinds, in the order they are synced; each is a folder name.
   *
   * @return the kinds
   */
  public List<String> kinds() {
    return steps.stream().map(SyncStep::kind).toList();
  }

  /**
   * Syncs every linked user: reads the pull notifications (to report users with new data that are not linked
   * here), then runs every step for every user.
   *
   * @param linked the users
   * @return what was done and what failed
   */
  public SyncReport syncAll(LinkedUsers linked) {
    Run run = new Run();
    linked.problems().forEach(run::fail);
    notifications(linked, run);
    if (!run.halted) {
      sync(linked.users(), run);
    }
    return run.report();
  }

  /**
   * Syncs one user, as after a webhook event: every step, without reading notifications.
   *
   * @param user the user
   * @return what was done and what failed
   */
  public SyncReport syncUser(LinkedUsers.LinkedUser user) {
    Run run = new Run();
    sync(List.of(user), run);
    return run.report();
  }

  private void notifications(LinkedUsers linked, Run run) {
    List<AvailableUserData> available;
    try {
      available = client.notifications().list();
    } catch (UnauthorizedException e) {
      run.fail("notifications: AccessLink refused the client id or secret (HTTP 401)");
      return;
    } catch (AccessLinkException e) {
      run.fail("notifications: " + Messages.oneLine(e));
      run.halted = e instanceof RateLimitException;
      return;
    }
    Map<Long, TreeSet<String>> byUser = new TreeMap<>();
    for (AvailableUserData data : available) {
      if (data.getUserId() != null) {
        byUser
            .computeIfAbsent(data.getUserId(), id -> new TreeSet<>())
            .add(String.valueOf(data.getDataType()));
      }
    }
    progress.note(
        "notifications: new data for " + byUser.size() + (byUser.size() == 1 ? " user" : " users"));
    byUser.forEach((userId, types) -> {
      if (linked.find(userId).isEmpty()) {
        progress.note("user " + userId + " has new " + String.join(", ", types)
            + " data but no token in the token store: link the user to sync it");
      }
    });
  }

  private void sync(List<LinkedUsers.LinkedUser> users, Run run) {
    writer.removeStaleTemporaryFiles(out); // what a killed run left
    progress.begin(users.size() * steps.size());
    for (LinkedUsers.LinkedUser linked : users) {
      if (run.halted) {
        break;
      }
      SyncStep.User user = new SyncStep.User(
          linked.userId(),
          client.user(linked.token()),
          out.resolve(Long.toString(linked.userId())));
      for (SyncStep step : steps) {
        if (!runStep(step, user, run)) {
          break;
        }
      }
      run.users++;
    }
    progress.end();
  }

  /** Runs one step and tells whether the user's next step should run. */
  private boolean runStep(SyncStep step, SyncStep.User user, Run run) {
    progress.started(user.userId(), step.kind());
    try {
      int items = step.work().run(user);
      run.items += items;
      progress.finished(user.userId(), step.kind(), items);
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String message = Messages.oneLine(e);
      progress.failed(user.userId(), step.kind(), message);
      run.failures.add("user " + user.userId() + " " + step.kind() + ": " + message);
      Throwable cause = Messages.rootOfInterest(e);
      if (cause instanceof RateLimitException || Thread.currentThread().isInterrupted()) {
        run.halted = true;
        return false;
      }
      return !(cause instanceof UnauthorizedException || cause instanceof ConsentRequiredException);
    }
  }

  /** The mutable state of one sync run. */
  private final class Run {
    final int writtenBefore = writer.written();
    final int unchangedBefore = writer.unchanged();
    final List<String> failures = new ArrayList<>();
    int users;
    int items;
    boolean halted;

    void fail(String line) {
      failures.add(line);
      progress.error(line);
    }

    SyncReport report() {
      return new SyncReport(
          users,
          items,
          writer.written() - writtenBefore,
          writer.unchanged() - unchangedBefore,
          failures);
    }
  }
}
