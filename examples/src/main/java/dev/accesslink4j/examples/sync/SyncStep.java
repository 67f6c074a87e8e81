package dev.accesslink4j.examples.sync;

import dev.accesslink4j.UserClient;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One data kind to sync: its name (also its folder name, such as {@code sleep}) and the work that fetches it for
 * one user and writes it to that folder.
 *
 * @param kind the data kind and folder name
 * @param work fetches and writes the kind for one user
 */
public record SyncStep(String kind, Work work) {
  /**
   * Checks the fields.
   *
   * @param kind the data kind and folder name
   * @param work the work
   */
  public SyncStep {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(work, "work");
  }

  /** Fetches and writes one data kind for one user. */
  @FunctionalInterface
  public interface Work {
    /**
     * Runs the step.
     *
     * @param user the user
     * @return how many items were synced (written, or found on disk with the same content)
     * @throws Exception when fetching or writing failed; what was written stays, and what was not committed is
     *     offered again on the next run
     */
    int run(User user) throws Exception;
  }

  /**
   * The user a step runs for.
   *
   * @param userId the Polar user id
   * @param client the user's view of AccessLink
   * @param folder the user's folder under the output directory
   */
  public record User(long userId, UserClient client, Path folder) {
    /**
     * The folder of one data kind.
     *
     * @param kind the kind
     * @return {@code folder/kind}
     */
    public Path folder(String kind) {
      return folder.resolve(kind);
    }
  }
}
