package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonObject;
import dev.accesslink4j.testkit.Route;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Polar's OAuth2 authorization-code flow. The authorize endpoint approves at once (no login page) and redirects;
 * the token endpoint checks the client's basic credentials and the code: single use, ten minutes, bound to the
 * redirect URI it was issued for. Presenting a used code fails AND revokes every token issued for it, as Polar does.
 * Every token error is a 400 with {@code {"error": "..."}}, except wrong client credentials: 401
 * {@code invalid_client} (RFC 6749 section 5.2), as the OpenAPI document's {@code requestToken} responses say.
 */
final class OAuthHandler {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  static final long EXPIRES_IN = 31_535_999L;
  static final String SCOPE = "accesslink.read_all";

  private final Engine engine;

  OAuthHandler(Engine engine) {
    this.engine = engine;
  }

  Reply handle(Route route, Call call) {
    return route == Route.OAUTH_AUTHORIZE ? authorize(call) : token(call);
  }

  private Reply authorize(Call call) {
    String clientId = call.query("client_id").orElse(null);
    if (clientId == null || !clientId.equals(engine.config.clientId())) {
      return oauthError(400, "invalid_request", "unknown or missing client_id");
    }
    String redirect = call.query("redirect_uri").orElse(null);
    if (redirect != null && !engine.config.redirectUris().contains(redirect)) {
      return oauthError(400, "invalid_request", "redirect_uri is not registered for this client");
    }
    String target = redirect != null ? redirect : engine.config.redirectUris().get(0);
    String state = call.query("state").orElse(null);
    String responseType = call.query("response_type").orElse(null);
    if (responseType == null) {
      return redirect(target, "error", "invalid_request", state);
    }
    if (!responseType.equals("code")) {
      return redirect(target, "error", "unsupported_response_type", state);
    }
    String scope = call.query("scope").orElse(null);
    if (scope != null && !scope.equals(SCOPE)) {
      return redirect(target, "error", "invalid_scope", state);
    }
    if (engine.denyNextAuthorization) {
      engine.denyNextAuthorization = false;
      return redirect(target, "error", "access_denied", state);
    }
    Account who = engine.nextAuthorization != null ? engine.nextAuthorization : engine.demo();
    engine.nextAuthorization = null;
    String code = engine.newCode();
    engine.codes.put(code, new Engine.AuthCode(who.id, redirect, engine.clock.instant()));
    return redirect(target, "code", code, state);
  }

  private static Reply redirect(String target, String key, String value, @Nullable String state) {
    StringBuilder location = new StringBuilder(target)
        .append(target.contains("?") ? '&' : '?')
        .append(key)
        .append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    if (state != null) {
      location.append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8));
    }
    return Reply.empty(302).header("Location", location.toString());
  }

  private Reply token(Call call) {
    if (!engine.auth.basicOk(call)) {
      return oauthError(401, "invalid_client", null)
          .header("WWW-Authenticate", "Basic realm=\"accesslink\"");
    }
    Map<String, String> form = call.form();
    String grantType = form.get("grant_type");
    if (grantType == null) {
      return oauthError(400, "invalid_request", "grant_type is required");
    }
    if (!grantType.equals("authorization_code")) {
      return oauthError(400, "unsupported_grant_type", null);
    }
    String code = form.get("code");
    if (code == null || code.isEmpty()) {
      return oauthError(400, "invalid_request", "code is required");
    }
    Engine.AuthCode issued = engine.codes.get(code);
    if (issued == null) {
      return oauthError(400, "invalid_grant", null);
    }
    if (issued.used) {
      for (String t : issued.tokens) {
        Engine.TokenInfo info = engine.tokens.get(t);
        if (info != null) {
          info.revoked = true;
        }
      }
      return oauthError(
          400, "invalid_grant", "authorization code already used; its tokens are revoked");
    }
    if (!engine.clock.instant().isBefore(issued.issuedAt.plus(CODE_LIFETIME))) {
      return oauthError(400, "invalid_grant", "authorization code expired");
    }
    String redirect = form.get("redirect_uri");
    if (issued.redirectUri != null) {
      if (redirect == null) {
        return oauthError(
            400, "invalid_request", "redirect_uri is required: it was sent to the authorization");
      }
      if (!redirect.equals(issued.redirectUri)) {
        return oauthError(
            400, "invalid_grant", "redirect_uri does not match the authorization request");
      }
    } else if (redirect != null && !engine.config.redirectUris().contains(redirect)) {
      return oauthError(400, "invalid_grant", "redirect_uri is not registered for this client");
    }
    issued.used = true;
    String token = engine.newToken();
    engine.tokens.put(token, new Engine.TokenInfo(issued.userId));
    issued.tokens.add(token);
    JsonObject body = Json.obj()
        .put("access_token", token)
        .put("token_type", "bearer")
        .put("expires_in", EXPIRES_IN)
        .put("x_user_id", issued.userId)
        .build();
    return Reply.json(200, body).header("Cache-Control", "no-store").header("Pragma", "no-cache");
  }

  /**
   * Polar's OAuth error body, {@code {"error": "..."}} and nothing else; {@code why} only documents the cause here
   * (Polar sends no {@code error_description}, so neither does the fake).
   */
  private static Reply oauthError(int status, String error, @Nullable String why) {
    return Reply.json(status, Json.obj().put("error", error).build());
  }
}
