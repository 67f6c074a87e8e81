package dev.accesslink4j.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/** Plain OkHttp calls for the tests: no SDK, no redirects followed, bodies read whole. */
final class Http {
  static final MediaType JSON = MediaType.get("application/json");

  /** A finished response, with the status line's reason phrase. */
  record Result(int code, String message, Headers headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonElement json() {
      return JsonParser.parseString(text());
    }

    @Nullable
    String header(String name) {
      return headers.get(name);
    }
  }

  static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .followRedirects(false)
      .retryOnConnectionFailure(false)
      .readTimeout(Duration.ofSeconds(10))
      .build();

  private Http() {}

  static Result send(Request request) {
    try (Response response = CLIENT.newCall(request).execute()) {
      ResponseBody body = response.body();
      return new Result(response.code(), response.message(), response.headers(), body.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Request.Builder bearer(String url, String token) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  static Request.Builder basic(FakeAccessLink fake, String url) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", Credentials.basic(fake.clientId(), fake.clientSecret()));
  }

  static Result get(String url, String token) {
    return send(bearer(url, token).build());
  }

  static Result post(String url, String token, String json) {
    return send(bearer(url, token).post(RequestBody.create(json, JSON)).build());
  }

  static Result postEmpty(String url, String token) {
    return send(bearer(url, token).post(RequestBody.create(new byte[0])).build());
  }

  static Result put(String url, String token) {
    return send(bearer(url, token).put(RequestBody.create(new byte[0])).build());
  }

  static Result delete(String url, String token) {
    return send(bearer(url, token).delete().build());
  }

  static Result token(FakeAccessLink fake, String code, @Nullable String redirectUri) {
    FormBody.Builder form =
        new FormBody.Builder().add("grant_type", "authorization_code").add("code", code);
    if (redirectUri != null) {
      form.add("redirect_uri", redirectUri);
    }
    return send(basic(fake, fake.tokenUrl())
        .header("Accept", "application/json;charset=UTF-8")
        .post(form.build())
        .build());
  }
}
