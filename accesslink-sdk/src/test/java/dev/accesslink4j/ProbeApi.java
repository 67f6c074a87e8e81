package dev.accesslink4j;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Url;

/** A tiny Retrofit interface for tests of the core that need shapes the generated interfaces lack. */
interface ProbeApi {
  /** A GET with no body expected (Retrofit closes whatever body comes). */
  @GET("v3/probe")
  Call<Void> readVoid();

  /** A POST with an empty body and no body expected. */
  @POST("v3/probe")
  Call<Void> writeVoid();

  /** A GET of any absolute URL, as a transaction item link would be followed. */
  @GET
  Call<ResponseBody> absolute(@Url String url);
}
