package dev.accesslink4j.oauth;

import dev.accesslink4j.AccessToken;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The choice {@link TokenStore#findByUserId(long)} makes among the tokens of one user, shared by the stores. */
final class UserTokens {
  private UserTokens() {}

  /**
   * Keeps the better of the best token so far and a candidate, visited in key order.
   *
   * @param best the best token of the user so far, or null
   * @param candidate the next token, of any user
   * @param polarUserId the user sought
   * @return {@code candidate} if it belongs to the user and was issued later than {@code best} (or there is no best
   *     yet), otherwise {@code best}
   */
  static @Nullable AccessToken better(
      @Nullable AccessToken best, AccessToken candidate, long polarUserId) {
    if (candidate.userId().isEmpty() || candidate.userId().getAsLong() != polarUserId) {
      return best;
    }
    if (best == null) {
      return candidate;
    }
    Instant bestIssued = best.issuedAt().orElse(Instant.MIN);
    Instant candidateIssued = candidate.issuedAt().orElse(Instant.MIN);
    return candidateIssued.isAfter(bestIssued) ? candidate : best;
  }
}
