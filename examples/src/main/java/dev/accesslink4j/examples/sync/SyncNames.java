package dev.accesslink4j.examples.sync;

import dev.accesslink4j.examples.TerminalText;
import dev.accesslink4j.sync.ExerciseFormat;
import dev.accesslink4j.sync.SyncKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names the command line uses for kinds and exercise formats: a kind's {@link SyncKind#folder() folder name}
 * ({@code exercises}, {@code sleep}, {@code nightly-recharge}, ...) and a format's extension ({@code fit},
 * {@code tcx}, {@code gpx}), so that what a user types is what they see on disk.
 */
public final class SyncNames {
  /** The {@code --formats} value that downloads no file: exercise summaries only. */
  public static final String NO_FORMATS = "none";

  private SyncNames() {}

  /**
   * Every kind's name, in the engine's order.
   *
   * @return for example {@code exercises, activity, sleep, ...}
   */
  public static String kindNames() {
    return Arrays.stream(SyncKind.values()).map(SyncKind::folder).collect(Collectors.joining(", "));
  }

  /**
   * Every format's name.
   *
   * @return {@code fit, tcx, gpx}
   */
  public static String formatNames() {
    return Arrays.stream(ExerciseFormat.values())
        .map(ExerciseFormat::extension)
        .collect(Collectors.joining(", "));
  }

  /**
   * Parses one kind name.
   *
   * @param name a folder name such as {@code sleep}, any case
   * @return the kind
   * @throws IllegalArgumentException naming the valid kinds when there is no such kind
   */
  public static SyncKind kind(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (SyncKind kind : SyncKind.values()) {
      if (kind.folder().equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown kind '" + TerminalText.clean(name) + "'; the kinds are: " + kindNames());
  }

  /**
   * Parses one format name.
   *
   * @param name {@code fit}, {@code tcx} or {@code gpx}, any case
   * @return the format
   * @throws IllegalArgumentException naming the valid formats when there is no such format
   */
  public static ExerciseFormat format(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (ExerciseFormat format : ExerciseFormat.values()) {
      if (format.extension().equals(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format '" + TerminalText.clean(name)
        + "'; the formats are: " + formatNames() + " (or " + NO_FORMATS + ")");
  }

  /**
   * Parses a comma-separated list of formats; {@link #NO_FORMATS} alone is the empty set.
   *
   * @param list for example {@code fit,gpx}
   * @return the formats
   * @throws IllegalArgumentException for an unknown name, naming the valid ones
   */
  public static Set<ExerciseFormat> formats(String list) {
    if (list.strip().equalsIgnoreCase(NO_FORMATS)) {
      return EnumSet.noneOf(ExerciseFormat.class);
    }
    Set<ExerciseFormat> formats = EnumSet.noneOf(ExerciseFormat.class);
    for (String name : list.split(",", -1)) {
      formats.add(format(name));
    }
    return formats;
  }

  /**
   * Parses a comma-separated list of kinds.
   *
   * @param list for example {@code exercises,sleep}
   * @return the kinds, at least one
   * @throws IllegalArgumentException for an unknown name, naming the valid ones
   */
  public static Set<SyncKind> kinds(String list) {
    Set<SyncKind> kinds = EnumSet.noneOf(SyncKind.class);
    for (String name : list.split(",", -1)) {
      kinds.add(kind(name));
    }
    return kinds;
  }

  /**
   * Parses a duration: {@code 90s}, {@code 1m}, {@code 2h}, {@code 500ms}, or ISO-8601 ({@code PT1M}).
   *
   * @param text the duration
   * @return the duration, positive
   * @throws IllegalArgumentException for anything else, or zero
   */
  public static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Duration d;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h)").matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    } else {
      try {
        d = Duration.parse(text.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            "not a duration: '" + TerminalText.clean(text) + "' (write 90s, 1m, 2h or PT1M)");
      }
    }
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(
          "a duration must be positive: " + TerminalText.clean(text));
    }
    return d;
  }
}
