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
import dev.accesslink4j.generated.api.SleepApi;
import dev.accesslink4j.generated.model.AvailableSleep;
import dev.accesslink4j.generated.model.AvailableSleepList;
import dev.accesslink4j.generated.model.Sleep;
import dev.accesslink4j.generated.model.SleepList;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sleep per night: stages, interruptions, scores, hypnogram and heart rate.
 *
 * <p>Windows: {@link #list()} and {@link #available()} cover the last 28 days; {@link #get(LocalDate)} documents no
 * window. A night is filed under {@code sleep.date}. Sleep start and end times carry the device's UTC offset; the
 * {@code hypnogram} and {@code heart_rate_samples} maps are keyed by {@code HH:mm} and cross midnight, so iterate them
 * in the order given rather than sorting the keys.
 *
 * <p>"No data" is an empty list, or an empty {@code Optional} for one night (AccessLink answers {@code 404} for a
 * night without sleep data, which is not an error).
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link RateLimitException} (429), {@link ServerException} (5xx), {@link AccessLinkIOException} and
 * {@link InvalidResponseException}.
 */
public final class SleepService {
  private final HttpStack http;
  private final SleepApi api;

  /**
   * Creates the service. Applications get it from {@link UserClient#sleep()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public SleepService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(SleepApi.class);
  }

  /**
   * Lists the nights of the last 28 days ({@code GET /v3/users/sleep}).
   *
   * @return the nights; an empty list when there are none (an empty or missing {@code nights} array, or a 204)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<Sleep> list() {
    return Calls.optional(http.transport(), api.listSleep())
        .map(SleepList::getNights)
        .map(Calls::copy)
        .orElse(List.of());
  }

  /**
   * Reads one night's sleep ({@code GET /v3/users/sleep/{date}}). The {@code SLEEP} webhook points here.
   *
   * @param date the night's date, as in {@code sleep.date} and {@link #available()}
   * @return the night, or empty when there is no sleep data for it (AccessLink answers 404)
   * @throws BadRequestException if AccessLink refuses the date (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<Sleep> get(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Calls.optionalOr404(http.transport(), api.getSleep(date));
  }

  /**
   * Lists the dates of the last 28 days that have sleep data, each with the sleep's start and end
   * ({@code GET /v3/users/sleep/available}); cheaper than {@link #list()} for finding what to fetch.
   *
   * @return the available nights; an empty list when there are none (an empty or missing {@code available} array,
   *     or a 204)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<AvailableSleep> available() {
    return Calls.optional(http.transport(), api.listAvailableSleep())
        .map(AvailableSleepList::getAvailable)
        .map(Calls::copy)
        .orElse(List.of());
  }
}
