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
import dev.accesslink4j.generated.api.SleepWiseApi;
import dev.accesslink4j.generated.model.Alertness;
import dev.accesslink4j.generated.model.CircadianBedtime;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.DateWindows;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * SleepWise (beta): predicted alertness through the day and the circadian bedtime window, from sleep measured on a
 * SleepWise-capable device.
 *
 * <p>Windows: without dates, the last 28 days; a range covers at most 28 dates, both ends included (for example
 * 2025-08-01 to 2025-08-28; Polar says "at most 28 days" without saying whether 29 dates would pass, and this SDK
 * takes the stricter reading), checked before any request is sent.
 *
 * <p>"No data" is an empty list: AccessLink answers {@code 204} when the window has nothing, and also until the user
 * has at least five nights of sleep measured on a SleepWise device. Period times are UTC without an offset marker
 * ({@code LocalDateTime}); {@code sleep_timezone_offset_minutes} gives the device's offset.
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link BadRequestException} (400), {@link RateLimitException} (429), {@link ServerException} (5xx),
 * {@link AccessLinkIOException} and {@link InvalidResponseException}.
 */
public final class SleepWiseService {
  private final HttpStack http;
  private final SleepWiseApi api;

  /**
   * Creates the service. Applications get it from {@link UserClient#sleepWise()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public SleepWiseService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(SleepWiseApi.class);
  }

  /**
   * Lists the alertness periods of the last 28 days ({@code GET /v3/users/sleepwise/alertness}).
   *
   * @return the periods; an empty list when there are none (HTTP 204, also while SleepWise has fewer than five
   *     nights)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<Alertness> alertness() {
    return Calls.list(http.transport(), api.listAlertness());
  }

  /**
   * Lists the alertness periods of a range of days ({@code GET /v3/users/sleepwise/alertness/date?from=…&to=…}).
   * The {@code SLEEP_WISE_ALERTNESS} webhook carries such a range.
   *
   * @param from the first day, included
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return the periods; an empty list when there are none (HTTP 204, also while SleepWise has fewer than five
   *     nights)
   * @throws IllegalArgumentException if {@code from} is after {@code to} or the range covers more than 28 dates (no
   *     request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<Alertness> alertness(LocalDate from, LocalDate to) {
    DateWindows.requireAtMost28Dates(from, to);
    return Calls.list(http.transport(), api.listAlertnessByDateRange(from, to));
  }

  /**
   * Lists the circadian bedtime periods of the last 28 days ({@code GET /v3/users/sleepwise/circadian-bedtime}).
   *
   * @return the periods; an empty list when there are none (HTTP 204, also while SleepWise has fewer than five
   *     nights)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<CircadianBedtime> circadianBedtimes() {
    return Calls.list(http.transport(), api.listCircadianBedtimes());
  }

  /**
   * Lists the circadian bedtime periods of a range of days
   * ({@code GET /v3/users/sleepwise/circadian-bedtime/date?from=…&to=…}). The {@code SLEEP_WISE_CIRCADIAN_BEDTIME}
   * webhook carries such a range.
   *
   * @param from the first day, included
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return the periods; an empty list when there are none (HTTP 204, also while SleepWise has fewer than five
   *     nights)
   * @throws IllegalArgumentException if {@code from} is after {@code to} or the range covers more than 28 dates (no
   *     request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<CircadianBedtime> circadianBedtimes(LocalDate from, LocalDate to) {
    DateWindows.requireAtMost28Dates(from, to);
    return Calls.list(http.transport(), api.listCircadianBedtimesByDateRange(from, to));
  }
}
