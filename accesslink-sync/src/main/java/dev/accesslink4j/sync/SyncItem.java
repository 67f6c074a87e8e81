package dev.accesslink4j.sync;

import dev.accesslink4j.AccessLinkJson;
import java.util.Objects;

/**
 * One JSON item handed to the sink: an exercise summary or one day of a daily kind, keyed by user, kind and id so
 * that a sink can store it idempotently (the same key again means the same item, possibly updated by Polar).
 *
 * @param userId the Polar user id
 * @param kind the data kind
 * @param id the item's id within user and kind: the exercise's hashed id, or the date ({@code 2026-11-30}, with
 *     {@code -2}, {@code -3} appended when a kind has several items on one date)
 * @param value the item as the SDK parsed it (a generated model such as {@code TrainingSession} or {@code Sleep})
 */
public record SyncItem(long userId, SyncKind kind, String id, Object value) {
  /**
   * Checks the parts.
   *
   * @param userId the Polar user id
   * @param kind the data kind
   * @param id the item's id
   * @param value the parsed item
   */
  public SyncItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(value, "value");
  }

  /**
   * The stable key of the item: {@code <userId>/<kind folder>/<id>}.
   *
   * @return for example {@code 12345/sleep/2026-11-30}
   */
  public String key() {
    return userId + "/" + kind.folder() + "/" + id;
  }

  /**
   * The item as pretty-printed JSON with a final newline, in AccessLink's field names (the SDK's Gson): the bytes
   * the {@link FileSystemSink} writes.
   *
   * @return the JSON text
   */
  public String json() {
    return AccessLinkJson.gson().newBuilder().setPrettyPrinting().create().toJson(value) + "\n";
  }
}
