package dev.accesslink4j;

import dev.accesslink4j.errors.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A user's AccessLink access token, with what the token endpoint said about it. AccessLink issues no refresh tokens:
 * when a call answers 401 ({@link UnauthorizedException}) the user must link again. Polar says tokens do not expire
 * unless revoked but also reports {@code expires_in} (about a year); {@link #isExpired(Clock)} uses that figure as
 * an upper bound. The token value never appears in {@link #toString()}.
 */
public final class AccessToken {
  private final String value;
  private final String tokenType;
  private final @Nullable Duration expiresIn;
  private final @Nullable Instant issuedAt;
  private final @Nullable Long userId;

  private AccessToken(
      String value,
      String tokenType,
      @Nullable Duration expiresIn,
      @Nullable Instant issuedAt,
      @Nullable Long userId) {
    this.value = value;
    this.tokenType = tokenType;
    this.expiresIn = expiresIn;
    this.issuedAt = issuedAt;
    this.userId = userId;
  }

  /**
   * Wraps a bare token value you stored earlier, without its metadata.
   *
   * @param value the access token
   * @return the token
   */
  public static AccessToken of(String value) {
    return new AccessToken(checked(value), "bearer", null, null, null);
  }

  /**
   * Creates a token with everything the token endpoint returned.
   *
   * @param value the access token
   * @param tokenType the token type (Polar says {@code bearer})
   * @param expiresIn the reported lifetime, if any
   * @param issuedAt when the token was issued (when the exchange completed), if known
   * @param userId the Polar user id ({@code x_user_id}), if known
   * @return the token
   */
  public static AccessToken of(
      String value,
      String tokenType,
      @Nullable Duration expiresIn,
      @Nullable Instant issuedAt,
      @Nullable Long userId) {
    return new AccessToken(
        checked(value),
        Objects.requireNonNull(tokenType, "tokenType"),
        expiresIn,
        issuedAt,
        userId);
  }

  private static String checked(String value) {
    Objects.requireNonNull(value, "access token");
    if (value.isBlank()) {
      throw new IllegalArgumentException("access token must not be blank");
    }
    return value;
  }

  /**
   * The token itself, to store or to send.
   *
   * @return the raw token value
   */
  public String reveal() {
    return value;
  }

  /**
   * The token type the token endpoint reported.
   *
   * @return usually {@code bearer}
   */
  public String tokenType() {
    return tokenType;
  }

  /**
   * The lifetime the token endpoint reported ({@code expires_in}).
   *
   * @return the lifetime, if known
   */
  public Optional<Duration> expiresIn() {
    return Optional.ofNullable(expiresIn);
  }

  /**
   * When the token was issued.
   *
   * @return the instant, if known
   */
  public Optional<Instant> issuedAt() {
    return Optional.ofNullable(issuedAt);
  }

  /**
   * When the reported lifetime ends.
   *
   * @return {@code issuedAt + expiresIn}, if both are known
   */
  public Optional<Instant> expiresAt() {
    return issuedAt == null || expiresIn == null
        ? Optional.empty()
        : Optional.of(issuedAt.plus(expiresIn));
  }

  /**
   * Tells whether the reported lifetime has passed. A token that is not expired by this measure can still be revoked.
   *
   * @param clock the clock to compare with
   * @return true when {@link #expiresAt()} is known and in the past
   */
  public boolean isExpired(Clock clock) {
    return expiresAt().map(at -> !clock.instant().isBefore(at)).orElse(false);
  }

  /**
   * The Polar user id the token belongs to ({@code x_user_id}).
   *
   * @return the id, if known
   */
  public OptionalLong userId() {
    return userId == null ? OptionalLong.empty() : OptionalLong.of(userId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "AccessToken[value=██, userId=" + userId + ", expiresAt="
        + expiresAt().orElse(null) + "]";
  }
}
