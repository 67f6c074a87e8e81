package dev.accesslink4j.internal;

import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.internal.Transport.Replay;
import java.util.Objects;
import java.util.function.Function;
import retrofit2.Call;

/** Runs a generated-interface call picked by the caller through the SDK's transport. */
public final class RawCalls {
  private RawCalls() {}

  public static <A, T> ApiResponse<T> execute(
      ServiceContext context, Class<A> api, Function<? super A, Call<T>> operation) {
    Objects.requireNonNull(api, "api");
    Call<T> call = Objects.requireNonNull(operation.apply(context.create(api)), "the operation returned no call");
    Replay replay = call.request().method().equals("GET") ? Replay.SAFE : Replay.REFUSED_ONLY;
    return context.transport().execute(call, replay);
  }
}
