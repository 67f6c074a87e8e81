package dev.accesslink4j.sync;

import dev.accesslink4j.AccessToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a user is held back, kept in the {@link StateStore} across runs: AccessLink refused the user's token (401,
 * {@link SyncFailure.Reason#RELINK}) or the user's consents are missing (403,
 * {@link SyncFailure.Reason#CONSENT_REQUIRED}), with the SHA-256 of the token it happened with (never the token).
 *
 * <p>A 401 user is skipped, without a request, while the {@link UserSource} still gives the same token: that token
 * will never work again, and asking costs rate budget on every run. A new token (the user linked again) is tried at
 * once. A 403 user is tried again once per run (one request): the user can accept the consents at account.polar.com
 * at any time, and nothing but a request tells.
 *
 * @param reason {@link SyncFailure.Reason#RELINK} or {@link SyncFailure.Reason#CONSENT_REQUIRED}
 * @param tokenFingerprint the lowercase hex SHA-256 of the token AccessLink refused
 */
public record UserHold(SyncFailure.Reason reason, String tokenFingerprint) {
  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * Checks the parts.
   *
   * @param reason why the user is held
   * @param tokenFingerprint the token's fingerprint, as {@link #fingerprint(AccessToken)} makes it
   */
  public UserHold {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(tokenFingerprint, "tokenFingerprint");
    if (reason == SyncFailure.Reason.ERROR) {
      throw new IllegalArgumentException("only RELINK and CONSENT_REQUIRED hold a user");
    }
    if (!SHA_256_HEX.matcher(tokenFingerprint).matches()) {
      throw new IllegalArgumentException("the token fingerprint is not a lowercase hex SHA-256");
    }
  }

  /**
   * A hold for a token.
   *
   * @param reason why
   * @param token the token AccessLink refused
   * @return the hold, carrying the token's fingerprint only
   */
  public static UserHold of(SyncFailure.Reason reason, AccessToken token) {
    return new UserHold(reason, fingerprint(token));
  }

  /**
   * The lowercase hex SHA-256 of a token's value: tells whether a user's token changed without storing it.
   *
   * @param token the token
   * @return 64 hex digits
   */
  public static String fingerprint(AccessToken token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(Objects.requireNonNull(token, "token").reveal().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Whether a run skips the user when the source gives this token: a 401 hold with the same token.
   *
   * @param token the user's current token
   * @return true when no request should be sent
   */
  public boolean skips(AccessToken token) {
    return reason == SyncFailure.Reason.RELINK && tokenFingerprint.equals(fingerprint(token));
  }
}
