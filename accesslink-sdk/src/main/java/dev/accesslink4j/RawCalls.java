package dev.accesslink4j;

import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.Transport.Replay;
import java.util.Objects;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Retrofit;

/** Runs a generated-interface call picked by the caller through the SDK's transport. */
final class RawCalls {
  private RawCalls() {}

  static <A, T> ApiResponse<T> execute(
      HttpStack http, Retrofit retrofit, Class<A> api, Function<? super A, Call<T>> operation) {
    Objects.requireNonNull(api, "api");
    Call<T> call = Objects.requireNonNull(operation.apply(retrofit.create(api)), "the operation returned no call");
    Replay replay = call.request().method().equals("GET") ? Replay.SAFE : Replay.REFUSED_ONLY;
    return http.transport().execute(call, replay);
  }
}
