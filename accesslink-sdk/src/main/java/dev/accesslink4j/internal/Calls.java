package dev.accesslink4j.internal;

import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.internal.Transport.Replay;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * The three shapes of a non-transactional read: a list, an optional value, and an optional value whose 404 means "no
 * data".
 */
public final class Calls {
  private Calls() {}

  /** Runs a read whose "no data" is {@code 204}, an empty array or a JSON {@code null}: all become an empty list. */
  public static <T> List<T> list(Transport transport, Call<List<T>> call) {
    return transport.execute(call, Replay.SAFE).body().map(Calls::copy).orElse(List.of());
  }

  /** Runs a read whose "no data" is {@code 204}. */
  public static <T> Optional<T> optional(Transport transport, Call<T> call) {
    return transport.execute(call, Replay.SAFE).body();
  }

  /** Runs a read whose "no data" is {@code 404} (or {@code 204}). */
  public static <T> Optional<T> optionalOr404(Transport transport, Call<T> call) {
    try {
      return optional(transport, call);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** A flag as a query parameter: {@code true}, or absent (AccessLink's default is false). */
  public static @Nullable Boolean flag(boolean on) {
    return on ? Boolean.TRUE : null;
  }

  /** An unmodifiable copy without the {@code null} entries a JSON array may hold. */
  public static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
