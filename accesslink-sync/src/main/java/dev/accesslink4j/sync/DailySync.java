package dev.accesslink4j.sync;

import dev.accesslink4j.sync.internal.DailyReaders;
import dev.accesslink4j.sync.internal.Dated;
import dev.accesslink4j.sync.internal.Fingerprints;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A daily kind of a user through its range endpoint: on a first run the look-back, afterwards from a few days before
 * the last date read (Polar may still update them); an item is delivered when it is new or its content changed.
 */
final class DailySync implements KindSync {
  private final Clock clock;
  private final int lookBackDays;
  private final int reReadDays;

  DailySync(Clock clock, int lookBackDays, int reReadDays) {
    this.clock = clock;
    this.lookBackDays = lookBackDays;
    this.reReadDays = reReadDays;
  }

  @Override
  public int sync(UserTurn user, SyncKind kind, @Nullable Span dates) throws Exception {
    long userId = user.userId();
    LocalDate today = LocalDate.now(clock);
    KindState current = user.state().load(userId, kind);
    LocalDate from;
    LocalDate to;
    if (dates != null) {
      from = dates.from();
      to = dates.to();
    } else {
      LocalDate earliest = today.minusDays(lookBackDays - 1L);
      from = current
          .readThrough()
          .map(d -> (d.isAfter(today) ? today : d).minusDays(reReadDays - 1L))
          .filter(d -> d.isAfter(earliest))
          .orElse(earliest);
      to = today;
    }
    List<Dated> items =
        DailyReaders.read(kind, user.client(), from, to, today, () -> user.request(kind));
    Map<String, Integer> seen = new HashMap<>();
    int delivered = 0;
    for (Dated dated : items) {
      String base = dated.name();
      int n = seen.merge(base, 1, Integer::sum);
      String id = n == 1 ? base : base + "-" + n;
      SyncItem item = new SyncItem(userId, kind, id, dated.value());
      long fingerprint = Fingerprints.of(item.json());
      if (current.fingerprint(id).orElse(~fingerprint) == fingerprint) {
        continue; // delivered before, unchanged
      }
      user.deliver(item);
      delivered++;
      current = current.with(id, fingerprint);
      user.state().save(userId, kind, current);
    }
    if (dates == null) {
      LocalDate keepFrom =
          today.minusDays(Math.max(lookBackDays, DailyReaders.MAX_RANGE_DATES) + 7L);
      List<String> keep = new ArrayList<>();
      for (String id : current.ids()) {
        if (id.length() < 10 || id.substring(0, 10).compareTo(keepFrom.toString()) >= 0) {
          keep.add(id);
        }
      }
      current = current.retainAll(keep).withReadThrough(today);
      user.state().save(userId, kind, current);
    }
    return delivered;
  }
}
