package dev.accesslink4j.testkit.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated night that ends on the morning of {@link #date}: ~90-minute cycles of lighter NREM, light NREM, deep
 * NREM (long early in the night) and REM (long late in the night), with short and long interruptions, in 30-second
 * epochs using Polar's hypnogram codes (0 wake, 1 REM, 2 lighter NREM, 3 light NREM, 4 deep NREM, 5 unknown). Sleep,
 * Nightly Recharge, SleepWise and biosensing for the date all use the same night, so their times agree.
 */
public final class Night {
  /** Length of one hypnogram epoch. */
  public static final int EPOCH_SECONDS = 30;

  /** The date of the night (the morning it ends). */
  public final LocalDate date;
  /** Sleep onset, device time. */
  public final ZonedDateTime start;
  /** Waking up, device time. */
  public final ZonedDateTime end;
  /** One stage code per 30-second epoch from {@link #start}. */
  public final int[] stages;
  /** Number of sleep cycles. */
  public final int cycles;
  /** Seed for everything derived from this night. */
  public final long seed;

  private Night(
      LocalDate date, ZonedDateTime start, ZonedDateTime end, int[] stages, int cycles, long seed) {
    this.date = date;
    this.start = start;
    this.end = end;
    this.stages = stages;
    this.cycles = cycles;
    this.seed = seed;
  }

  /** The night ending on a date, for an account. */
  public static Night of(long seed, Account account, LocalDate date) {
    Rnd r = Rnd.of(seed, account.id, "night", date.toEpochDay());
    LocalDateTime startLocal = date.minusDays(1)
        .atTime(22, 30)
        .plusMinutes(r.between(0, 130))
        .plusSeconds(r.between(0, 59));
    int totalEpochs = (int) (r.uniform(6.4, 8.6) * 3600 / EPOCH_SECONDS);
    List<Integer> s = new ArrayList<>(totalEpochs);
    int cycle = 0;
    while (s.size() < totalEpochs) {
      int cycleMinutes = (int) Math.max(70, r.gauss(92, 10));
      int deep = Math.max(0, (int) (34 - 9 * cycle + r.gauss(0, 4)));
      int rem = Math.min(45, (int) (7 + 8 * cycle + r.gauss(0, 3)));
      int lighter = r.between(3, 7);
      int light = Math.max(10, cycleMinutes - deep - rem - lighter);
      add(s, 2, lighter * 2);
      add(s, 3, light * 2 * 2 / 3);
      if (deep > 0) {
        add(s, 4, deep * 2);
      }
      add(s, 3, light * 2 / 3);
      if (r.chance(0.03)) {
        add(s, 5, r.between(2, 6));
      }
      add(s, 1, rem * 2);
      if (r.chance(0.7)) {
        add(s, 0, r.chance(0.75) ? r.between(1, 2) : r.between(4, 16));
      }
      cycle++;
    }
    int[] stages = new int[totalEpochs];
    for (int i = 0; i < totalEpochs; i++) {
      stages[i] = s.get(i);
    }
    stages[totalEpochs - 1] = 0;
    ZonedDateTime start = startLocal.atZone(account.zone);
    ZonedDateTime end = start.plusSeconds((long) totalEpochs * EPOCH_SECONDS);
    return new Night(date, start, end, stages, cycle, r.nextSeed());
  }

  private static void add(List<Integer> s, int stage, int epochs) {
    for (int i = 0; i < epochs; i++) {
      s.add(stage);
    }
  }

  /** Seconds spent in one stage. */
  public int seconds(int stage) {
    int n = 0;
    for (int st : stages) {
      if (st == stage) {
        n++;
      }
    }
    return n * EPOCH_SECONDS;
  }

  /** Lengths in seconds of the wake bouts after sleep onset (the final wake-up excluded). */
  public List<Integer> interruptions() {
    List<Integer> bouts = new ArrayList<>();
    int run = 0;
    for (int i = 0; i < stages.length - 1; i++) {
      if (stages[i] == 0) {
        run++;
      } else if (run > 0) {
        bouts.add(run * EPOCH_SECONDS);
        run = 0;
      }
    }
    return bouts;
  }

  /** Local time of an epoch. */
  public LocalDateTime localTime(int epoch) {
    return start.toLocalDateTime().plusSeconds((long) epoch * EPOCH_SECONDS);
  }

  /** Stage at a local time (wake outside the night). */
  public int stageAt(LocalDateTime local) {
    long sec = java.time.Duration.between(start.toLocalDateTime(), local).getSeconds();
    if (sec < 0 || sec >= (long) stages.length * EPOCH_SECONDS) {
      return 0;
    }
    return stages[(int) (sec / EPOCH_SECONDS)];
  }

  /** The sleep start as a UTC local date-time (SleepWise and biosensing times carry no offset). */
  public LocalDateTime startUtc() {
    return start.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  /** The sleep end as a UTC local date-time. */
  public LocalDateTime endUtc() {
    return end.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  /** The UTC offset in minutes at sleep start. */
  public int offsetMinutes() {
    return start.getOffset().getTotalSeconds() / 60;
  }
}
