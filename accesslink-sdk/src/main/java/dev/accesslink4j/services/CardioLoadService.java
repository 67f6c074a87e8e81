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
import dev.accesslink4j.generated.api.CardioLoadApi;
import dev.accesslink4j.generated.model.CardioLoad;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.DateWindows;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Cardio load history (beta): Polar's TRIMP-based training load per day, with strain (7-day average), tolerance
 * (28-day average), their ratio and the resulting load status.
 *
 * <p>Every operation returns a list with one entry per day; a day whose load cannot be computed is still listed,
 * with {@code cardio_load_status} {@code LOAD_STATUS_NOT_AVAILABLE} and zero values. "No data" beyond that (an empty
 * array, or a {@code 204} Polar does not document) is an empty list. Polar documents no maximum span for ranges or
 * periods.
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link BadRequestException} (400), {@link RateLimitException} (429), {@link ServerException} (5xx),
 * {@link AccessLinkIOException} and {@link InvalidResponseException}.
 */
public final class CardioLoadService {
  private final HttpStack http;
  private final CardioLoadApi api;

  /**
   * Creates the service. Applications get it from {@link UserClient#cardioLoad()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public CardioLoadService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(CardioLoadApi.class);
  }

  /**
   * Lists the cardio load of each of the last 28 days ({@code GET /v3/users/cardio-load}).
   *
   * @return one entry per day; an empty list when AccessLink returns none
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<CardioLoad> list() {
    return Calls.list(http.transport(), api.listCardioLoads());
  }

  /**
   * Reads the cardio load of one day ({@code GET /v3/users/cardio-load/{date}}). AccessLink answers with an array
   * even for one day, and this method hands it over as is.
   *
   * @param date the day
   * @return normally one entry (possibly {@code LOAD_STATUS_NOT_AVAILABLE}); an empty list when AccessLink returns
   *     none
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<CardioLoad> get(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Calls.list(http.transport(), api.getCardioLoad(date));
  }

  /**
   * Lists the cardio load of every day of a range ({@code GET /v3/users/cardio-load/date?from=…&to=…}).
   *
   * @param from the first day, included
   * @param to the last day, included
   * @return one entry per day of the range; an empty list when AccessLink returns none
   * @throws IllegalArgumentException if {@code from} is after {@code to} (no request is sent)
   * @throws BadRequestException if AccessLink refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<CardioLoad> range(LocalDate from, LocalDate to) {
    DateWindows.requireOrdered(from, to);
    return Calls.list(http.transport(), api.listCardioLoadsByDateRange(from, to));
  }

  /**
   * Lists the cardio load of each of the last {@code days} days, counted back from AccessLink's today
   * ({@code GET /v3/users/cardio-load/period/days/{days}}).
   *
   * @param days how many days, at least 1
   * @return one entry per day; an empty list when AccessLink returns none
   * @throws IllegalArgumentException if {@code days} is zero or negative (no request is sent)
   * @throws BadRequestException if AccessLink refuses the period (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<CardioLoad> lastDays(int days) {
    return Calls.list(
        http.transport(), api.listCardioLoadsByDays(DateWindows.requirePositive("days", days)));
  }

  /**
   * Lists the cardio load of each day of the last {@code months} months, counted back from AccessLink's today
   * ({@code GET /v3/users/cardio-load/period/months/{months}}).
   *
   * @param months how many months, at least 1
   * @return one entry per day; an empty list when AccessLink returns none
   * @throws IllegalArgumentException if {@code months} is zero or negative (no request is sent)
   * @throws BadRequestException if AccessLink refuses the period (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<CardioLoad> lastMonths(int months) {
    return Calls.list(
        http.transport(),
        api.listCardioLoadsByMonths(DateWindows.requirePositive("months", months)));
  }
}
