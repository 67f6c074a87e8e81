package dev.accesslink4j.services;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.BadRequestException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.api.NightlyRechargeApi;
import dev.accesslink4j.generated.model.NightlyRecharge;
import dev.accesslink4j.generated.model.NightlyRechargeList;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Nightly Recharge per night: the recharge status, the ANS charge, and heart rate, heart-rate variability and
 * breathing averaged over the first four hours of sleep, with their 5-minute samples.
 *
 * <p>Windows: {@link #list()} covers the last 28 days; {@link #get(LocalDate)} documents no window. A result is filed
 * under {@code nightly-recharge.date}; the {@code hrv_samples} and {@code breathing_samples} maps are keyed by
 * {@code HH:mm} and cross midnight, so iterate them in the order given.
 *
 * <p>"No data" is an empty list, or an empty {@code Optional} for one night (AccessLink answers {@code 404} for a
 * night without a result, which is not an error).
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link RateLimitException} (429), {@link ServerException} (5xx), {@link AccessLinkIOException} and
 * {@link InvalidResponseException}.
 */
public final class NightlyRechargeService {
  private final HttpStack http;
  private final NightlyRechargeApi api;

  /**
   * Creates the service. Applications get it from {@link UserClient#nightlyRecharge()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public NightlyRechargeService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(NightlyRechargeApi.class);
  }

  /**
   * Lists the Nightly Recharge results of the last 28 days ({@code GET /v3/users/nightly-recharge}).
   *
   * @return the results; an empty list when there are none (an empty or missing {@code recharges} array, or a 204)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<NightlyRecharge> list() {
    return Calls.optional(http.transport(), api.listNightlyRecharges())
        .map(NightlyRechargeList::getRecharges)
        .map(Calls::copy)
        .orElse(List.of());
  }

  /**
   * Reads one night's Nightly Recharge result ({@code GET /v3/users/nightly-recharge/{date}}).
   *
   * @param date the night's date, as in {@code nightly-recharge.date}
   * @return the result, or empty when there is none for that night (AccessLink answers 404)
   * @throws BadRequestException if AccessLink refuses the date (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<NightlyRecharge> get(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Calls.optionalOr404(http.transport(), api.getNightlyRecharge(date));
  }
}
