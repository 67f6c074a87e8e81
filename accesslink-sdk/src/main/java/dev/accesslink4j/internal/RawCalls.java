package dev.accesslink4j.internal;

import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.internal.Transport.Replay;
import java.util.Objects;
import java.util.function.Function;
import retrofit2.Call;

/** Runs a generated-interface call picked by the caller through the SDK's transport. */
public final class RawCalls {
  private RawCalls() {}

  /**
   * Runs the operation the caller picks on a generated interface bound to the context's credential: a GET is retried
   * like every read, any other method only after a 429.
   *
   * @param context the stack and credential view
   * @param api the generated interface
   * @param operation picks the operation and its arguments
   * @param <A> the interface type
   * @param <T> the body type
   * @return the successful response
   */
  public static <A, T> ApiResponse<T> execute(
      ServiceContext context, Class<A> api, Function<? super A, Call<T>> operation) {
    Objects.requireNonNull(api, "api");
    Call<T> call = Objects.requireNonNull(
        operation.apply(context.create(api)), "the operation returned no call");
    Replay replay = call.request().method().equals("GET") ? Replay.SAFE : Replay.REFUSED_ONLY;
    return context.transport().execute(call, replay);
  }
}
