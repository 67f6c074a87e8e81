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
import dev.accesslink4j.generated.api.BiosensingApi;
import dev.accesslink4j.generated.model.BodyTemperaturePeriod;
import dev.accesslink4j.generated.model.EcgTestResult;
import dev.accesslink4j.generated.model.SkinContactPeriod;
import dev.accesslink4j.generated.model.SkinTemperature;
import dev.accesslink4j.generated.model.Spo2TestResult;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.DateWindows;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * Elixir biosensing results (beta): body and skin temperature, skin contact, wrist ECG and SpO2 tests, from Polar
 * devices with the Elixir sensor platform.
 *
 * <p>Windows: without dates, the last 28 days; a range covers at most 28 dates, both ends included (for example
 * 2025-08-01 to 2025-08-28; Polar says "at most 28 days" without saying whether 29 dates would pass, and this SDK
 * takes the stricter reading), checked before any request is sent. This SDK always sends both {@code from} and
 * {@code to} or neither, since Polar does not document what one of them alone means.
 *
 * <p>"No data" is an empty list (AccessLink answers {@code 204}). Period times are UTC without an offset marker
 * ({@code LocalDateTime}); ECG and SpO2 {@code test_time} is in epoch seconds with {@code time_zone_offset} in
 * minutes.
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link BadRequestException} (400), {@link RateLimitException} (429), {@link ServerException} (5xx),
 * {@link AccessLinkIOException} and {@link InvalidResponseException}.
 */
public final class BiosensingService {
  private final HttpStack http;
  private final BiosensingApi api;

  /**
   * Creates the service. Applications get it from {@link UserClient#biosensing()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public BiosensingService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(BiosensingApi.class);
  }

  /**
   * Lists the body-temperature measurement periods, each with its temperature samples, for the last 28 days ({@code
   * GET /v3/users/biosensing/bodytemperature}).
   *
   * @return the periods; an empty list when there are none (HTTP 204)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<BodyTemperaturePeriod> bodyTemperature() {
    return Calls.list(http.transport(), api.listBodyTemperature(null, null));
  }

  /**
   * Lists the body-temperature measurement periods, each with its temperature samples, for a range of days ({@code
   * GET /v3/users/biosensing/bodytemperature?from=…&to=…}).
   *
   * @param from the first day, included
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return the periods; an empty list when there are none (HTTP 204)
   * @throws IllegalArgumentException if {@code from} is after {@code to} or the range covers more than 28 dates (no
   *     request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<BodyTemperaturePeriod> bodyTemperature(LocalDate from, LocalDate to) {
    DateWindows.requireAtMost28Dates(from, to);
    return Calls.list(http.transport(), api.listBodyTemperature(from, to));
  }

  /**
   * Lists the sleep-time skin temperature, one entry per night, with its deviation from the user's baseline, for the
   * last 28 days ({@code GET /v3/users/biosensing/skintemperature}).
   *
   * @return the nights; an empty list when there are none (HTTP 204)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<SkinTemperature> skinTemperature() {
    return Calls.list(http.transport(), api.listSkinTemperature(null, null));
  }

  /**
   * Lists the sleep-time skin temperature, one entry per night, with its deviation from the user's baseline, for a
   * range of days ({@code GET /v3/users/biosensing/skintemperature?from=…&to=…}).
   *
   * @param from the first day, included
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return the nights; an empty list when there are none (HTTP 204)
   * @throws IllegalArgumentException if {@code from} is after {@code to} or the range covers more than 28 dates (no
   *     request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<SkinTemperature> skinTemperature(LocalDate from, LocalDate to) {
    DateWindows.requireAtMost28Dates(from, to);
    return Calls.list(http.transport(), api.listSkinTemperature(from, to));
  }

  /**
   * Lists the skin-contact periods (when the sensor touched the skin), each with its contact changes, for the last 28
   * days ({@code GET /v3/users/biosensing/skincontacts}).
   *
   * @return the periods; an empty list when there are none (HTTP 204)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<SkinContactPeriod> skinContacts() {
    return Calls.list(http.transport(), api.listSkinContacts(null, null));
  }

  /**
   * Lists the skin-contact periods (when the sensor touched the skin), each with its contact changes, for a range of
   * days ({@code GET /v3/users/biosensing/skincontacts?from=…&to=…}).
   *
   * @param from the first day, included
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return the periods; an empty list when there are none (HTTP 204)
   * @throws IllegalArgumentException if {@code from} is after {@code to} or the range covers more than 28 dates (no
   *     request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<SkinContactPeriod> skinContacts(LocalDate from, LocalDate to) {
    DateWindows.requireAtMost28Dates(from, to);
    return Calls.list(http.transport(), api.listSkinContacts(from, to));
  }

  /**
   * Lists the wrist ECG test results, each with its samples and quality measurements, for the last 28 days ({@code
   * GET /v3/users/biosensing/ecg}).
   *
   * @return the test results; an empty list when there are none (HTTP 204)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<EcgTestResult> ecgTests() {
    return Calls.list(http.transport(), api.listEcgTests(null, null));
  }

  /**
   * Lists the wrist ECG test results, each with its samples and quality measurements, for a range of days ({@code GET
   * /v3/users/biosensing/ecg?from=…&to=…}).
   *
   * @param from the first day, included
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return the test results; an empty list when there are none (HTTP 204)
   * @throws IllegalArgumentException if {@code from} is after {@code to} or the range covers more than 28 dates (no
   *     request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<EcgTestResult> ecgTests(LocalDate from, LocalDate to) {
    DateWindows.requireAtMost28Dates(from, to);
    return Calls.list(http.transport(), api.listEcgTests(from, to));
  }

  /**
   * Lists the blood-oxygen (SpO2) test results, for the last 28 days ({@code GET /v3/users/biosensing/spo2}).
   *
   * @return the test results; an empty list when there are none (HTTP 204)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<Spo2TestResult> spo2Tests() {
    return Calls.list(http.transport(), api.listSpo2Tests(null, null));
  }

  /**
   * Lists the blood-oxygen (SpO2) test results, for a range of days ({@code GET
   * /v3/users/biosensing/spo2?from=…&to=…}).
   *
   * @param from the first day, included
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return the test results; an empty list when there are none (HTTP 204)
   * @throws IllegalArgumentException if {@code from} is after {@code to} or the range covers more than 28 dates (no
   *     request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<Spo2TestResult> spo2Tests(LocalDate from, LocalDate to) {
    DateWindows.requireAtMost28Dates(from, to);
    return Calls.list(http.transport(), api.listSpo2Tests(from, to));
  }
}
