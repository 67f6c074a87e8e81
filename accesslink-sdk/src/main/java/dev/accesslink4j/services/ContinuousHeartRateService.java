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
import dev.accesslink4j.generated.api.ContinuousHeartRateApi;
import dev.accesslink4j.generated.model.ContinuousHeartRate;
import dev.accesslink4j.generated.model.ContinuousHeartRateRange;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.DateWindows;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Heart rate measured around the clock (continuous heart-rate tracking, beta): a sample about every five minutes on
 * devices with the feature switched on. Heart rate recorded during training sessions is not included; read it from
 * the exercise.
 *
 * <p>"No data": a day without samples is an empty {@code Optional} or is left out of a range. Polar answers
 * {@code 404} for a day without data; a day object whose sample list is empty or missing is treated the same way.
 * No window is documented for this API.
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link BadRequestException} (400), {@link RateLimitException} (429), {@link ServerException} (5xx),
 * {@link AccessLinkIOException} and {@link InvalidResponseException}.
 */
public final class ContinuousHeartRateService {
  private final HttpStack http;
  private final ContinuousHeartRateApi api;

  /**
   * Creates the service. Applications get it from {@link UserClient#continuousHeartRate()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public ContinuousHeartRateService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(ContinuousHeartRateApi.class);
  }

  /**
   * Reads the continuous heart-rate samples of one day ({@code GET /v3/users/continuous-heart-rate/{date}}). The
   * {@code CONTINUOUS_HEART_RATE} webhook points here.
   *
   * @param date the device-local day
   * @return the day's samples (each with a device-local {@code sample_time} such as {@code 00:02:08}), or empty when
   *     there are none: AccessLink answers 404 for such a day (a day object without samples is empty too)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<ContinuousHeartRate> get(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Calls.optionalOr404(http.transport(), api.getContinuousHeartRate(date))
        .filter(ContinuousHeartRateService::hasSamples);
  }

  /**
   * Reads the continuous heart-rate samples of a range of days
   * ({@code GET /v3/users/continuous-heart-rate?from=…&to=…}), one entry per day that has samples.
   *
   * <p>Polar documents the response as a single day object and does not say what a range of several days returns;
   * this method accepts a single day object, an array of day objects, and an object wrapping that array in
   * {@code heart_rates} (the shape partners report), and parses the body as it streams in
   * (a month is tens of thousands of samples): the spec's {@code continuous-heartrate-range}, read by
   * {@link ContinuousHeartRateRange}, which {@code user.call(ContinuousHeartRateApi.class, …)} returns too. Polar
   * documents no maximum span.
   *
   * @param from the first day, included
   * @param to the last day, included
   * @return the days that have samples, in the order AccessLink sent them; an empty list when there are none
   *     (also for {@code 204}, {@code 404}, an empty array or day objects without samples)
   * @throws IllegalArgumentException if {@code from} is after {@code to} (no request is sent)
   * @throws BadRequestException if AccessLink refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<ContinuousHeartRate> range(LocalDate from, LocalDate to) {
    DateWindows.requireOrdered(from, to);
    return Calls.optionalOr404(http.transport(), api.listContinuousHeartRate(from, to))
        .map(range -> range.getDays().stream()
            .filter(ContinuousHeartRateService::hasSamples)
            .toList())
        .orElse(List.of());
  }

  private static boolean hasSamples(ContinuousHeartRate day) {
    return day.getHeartRateSamples() != null && !day.getHeartRateSamples().isEmpty();
  }
}
