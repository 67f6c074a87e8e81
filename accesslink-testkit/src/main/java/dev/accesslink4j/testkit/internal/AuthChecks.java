package dev.accesslink4j.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The credential checks of every route, called with the engine's lock held: a bearer token of a known, unrevoked
 * user (and that user's consents), the {@code {user-id}} in the path, or the client's basic credentials. A refusal
 * ends the handler with a {@link Halt}.
 *
 * <p>The 401s carry AccessLink's {@code error} body ({@code errorType} {@code UNAUTHORIZED}), as the OpenAPI
 * document's {@code Unauthorized} response describes, and a {@code WWW-Authenticate} header that names the scheme.
 */
final class AuthChecks {
  private final Engine engine;

  AuthChecks(Engine engine) {
    this.engine = engine;
  }

  /** The account behind the bearer token, or a 401. */
  Account bearer(Call call) {
    String auth = call.header("Authorization").orElse("");
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Engine.TokenInfo info = engine.tokens.get(auth.substring(7).trim());
      if (info != null && !info.revoked) {
        Account a = engine.accounts.get(info.userId);
        if (a != null) {
          return a;
        }
      }
    }
    throw new Halt(engine
        .error(401, "Missing, unknown or revoked access token")
        .header("WWW-Authenticate", "Bearer realm=\"accesslink\", error=\"invalid_token\""));
  }

  /** The bearer account after the consent check (403 when the account withholds its consents). */
  Account user(Call call) {
    Account a = bearer(call);
    if (a.consentWithheld) {
      throw new Halt(engine.error(403, "The user has not accepted all mandatory consents"));
    }
    return a;
  }

  /** Checks the {@code {user-id}} path segment against the token's user (404 when it is another). */
  void samePathUser(Call call, Account a) {
    long id;
    try {
      id = Long.parseLong(call.param("user-id"));
    } catch (NumberFormatException e) {
      throw new Halt(engine.error(404, "No such user"));
    }
    if (id != a.id) {
      throw new Halt(engine.error(404, "user-id does not match the access token"));
    }
  }

  /** Whether the request carries the client's basic credentials. */
  boolean basicOk(Call call) {
    String auth = call.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      return decoded.equals(engine.config.clientId() + ":" + engine.config.clientSecret());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** 401 unless the request carries the client's basic credentials. */
  void basic(Call call) {
    if (!basicOk(call)) {
      throw new Halt(engine
          .error(401, "Client credentials required (HTTP basic)")
          .header("WWW-Authenticate", "Basic realm=\"accesslink\""));
    }
  }
}
