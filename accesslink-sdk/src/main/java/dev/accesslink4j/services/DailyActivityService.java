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
import dev.accesslink4j.generated.api.DailyActivityApi;
import dev.accesslink4j.generated.model.ActivityDayWithSamples;
import dev.accesslink4j.generated.model.ActivitySummaryWithAllSamples;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.DateWindows;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Daily activity summaries (steps, calories, active time, distance) and their sample series, without transactions
 * (Polar's non-transactional daily activity API, beta since 18.08.2025, which replaces the deprecated activity
 * transactions).
 *
 * <p>Windows, checked before any request is sent:
 *
 * <ul>
 *   <li>Without dates, {@link #list()} and {@link #samples()} return the days uploaded to Flow in the last 28 days.
 *   <li>A single date, and the {@code from} of a range, may be at most 365 days before today (today in UTC).
 *   <li>A range covers at most 28 dates, both ends included (for example 2025-08-01 to 2025-08-28). Polar says "at
 *       most 28 days" without saying whether 29 dates would pass; this SDK takes the stricter reading.
 * </ul>
 *
 * <p>"No data": a day without activity is an empty {@code Optional} (HTTP 204); a window without activity is an
 * empty list. Day-level dates and the summaries' times are device-local, without a time zone.
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link BadRequestException} (400: a date AccessLink considers out of range, for example when its "today" differs
 * from UTC), {@link RateLimitException} (429), {@link ServerException} (5xx), {@link AccessLinkIOException} and
 * {@link InvalidResponseException}.
 */
public final class DailyActivityService {
  private final HttpStack http;
  private final DailyActivityApi api;
  private final DateWindows windows;

  /**
   * Creates the service. Applications get it from {@link UserClient#activities()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public DailyActivityService(ServiceContext context) {
    this(context, new DateWindows());
  }

  DailyActivityService(ServiceContext context, DateWindows windows) {
    this.http = context.http();
    this.api = context.create(DailyActivityApi.class);
    this.windows = windows;
  }

  /**
   * Lists the activity summaries of the days uploaded in the last 28 days, totals only
   * ({@code GET /v3/users/activities}).
   *
   * @return one summary per day, oldest first; an empty list when there is no activity in the window
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<ActivitySummaryWithAllSamples> list() {
    return list(ActivityQuery.none());
  }

  /**
   * Lists the activity summaries of the days uploaded in the last 28 days, with the sample series the query asks for
   * ({@code GET /v3/users/activities?steps=true&activity_zones=true&inactivity_stamps=true}).
   *
   * @param query which sample series to include
   * @return one summary per day, oldest first; an empty list when there is no activity in the window
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<ActivitySummaryWithAllSamples> list(ActivityQuery query) {
    return listSummaries(null, null, query);
  }

  /**
   * Lists the activity summaries of a range of days, totals only
   * ({@code GET /v3/users/activities?from=…&to=…}).
   *
   * @param from the first day, included; at most 365 days before today (UTC)
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return one summary per day with activity, oldest first; an empty list when there is none in the range
   * @throws IllegalArgumentException if {@code from} is after {@code to}, the range covers more than 28 dates, or
   *     {@code from} is more than 365 days ago (no request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<ActivitySummaryWithAllSamples> list(LocalDate from, LocalDate to) {
    return list(from, to, ActivityQuery.none());
  }

  /**
   * Lists the activity summaries of a range of days, with the sample series the query asks for
   * ({@code GET /v3/users/activities?from=…&to=…&steps=true…}).
   *
   * @param from the first day, included; at most 365 days before today (UTC)
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @param query which sample series to include
   * @return one summary per day with activity, oldest first; an empty list when there is none in the range
   * @throws IllegalArgumentException if {@code from} is after {@code to}, the range covers more than 28 dates, or
   *     {@code from} is more than 365 days ago (no request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<ActivitySummaryWithAllSamples> list(
      LocalDate from, LocalDate to, ActivityQuery query) {
    checkRange(from, to);
    return listSummaries(from, to, query);
  }

  private List<ActivitySummaryWithAllSamples> listSummaries(
      @Nullable LocalDate from, @Nullable LocalDate to, ActivityQuery query) {
    Objects.requireNonNull(query, "query");
    return Calls.list(
        http.transport(),
        api.listActivities(
            from,
            to,
            Calls.flag(query.steps()),
            Calls.flag(query.activityZones()),
            Calls.flag(query.inactivityStamps())));
  }

  /**
   * Reads the activity summary of one day, totals only ({@code GET /v3/users/activities/{date}}).
   *
   * @param date the device-local day; at most 365 days before today (UTC)
   * @return the day's summary, or empty when the user has no activity that day (HTTP 204)
   * @throws IllegalArgumentException if the date is more than 365 days ago (no request is sent)
   * @throws BadRequestException if AccessLink still refuses the date (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<ActivitySummaryWithAllSamples> get(LocalDate date) {
    return get(date, ActivityQuery.none());
  }

  /**
   * Reads the activity summary of one day with the sample series the query asks for
   * ({@code GET /v3/users/activities/{date}?steps=true…}).
   *
   * @param date the device-local day; at most 365 days before today (UTC)
   * @param query which sample series to include
   * @return the day's summary, or empty when the user has no activity that day (HTTP 204)
   * @throws IllegalArgumentException if the date is more than 365 days ago (no request is sent)
   * @throws BadRequestException if AccessLink still refuses the date (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<ActivitySummaryWithAllSamples> get(LocalDate date, ActivityQuery query) {
    windows.requireWithinActivityHistory("date", date);
    Objects.requireNonNull(query, "query");
    return Calls.optional(
        http.transport(),
        api.getActivity(
            date,
            Calls.flag(query.steps()),
            Calls.flag(query.activityZones()),
            Calls.flag(query.inactivityStamps())));
  }

  /**
   * Lists the step samples, activity-zone samples and inactivity stamps of the days uploaded in the last 28 days,
   * without the summaries' totals ({@code GET /v3/users/activities/samples}).
   *
   * @return one entry per day, oldest first; an empty list when there are no samples in the window
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<ActivityDayWithSamples> samples() {
    return Calls.list(http.transport(), api.listActivitySamples(null, null));
  }

  /**
   * Lists the step samples, activity-zone samples and inactivity stamps of a range of days
   * ({@code GET /v3/users/activities/samples?from=…&to=…}).
   *
   * @param from the first day, included; at most 365 days before today (UTC)
   * @param to the last day, included; at most 27 days after {@code from} (28 dates in all)
   * @return one entry per day with samples, oldest first; an empty list when there are none in the range
   * @throws IllegalArgumentException if {@code from} is after {@code to}, the range covers more than 28 dates, or
   *     {@code from} is more than 365 days ago (no request is sent)
   * @throws BadRequestException if AccessLink still refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<ActivityDayWithSamples> samples(LocalDate from, LocalDate to) {
    checkRange(from, to);
    return Calls.list(http.transport(), api.listActivitySamples(from, to));
  }

  /**
   * Reads the step samples, activity-zone samples and inactivity stamps of one day
   * ({@code GET /v3/users/activities/samples/{date}}).
   *
   * @param date the device-local day; at most 365 days before today (UTC)
   * @return the day's samples, or empty when the user has no samples that day (HTTP 204)
   * @throws IllegalArgumentException if the date is more than 365 days ago (no request is sent)
   * @throws BadRequestException if AccessLink still refuses the date (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<ActivityDayWithSamples> samples(LocalDate date) {
    windows.requireWithinActivityHistory("date", date);
    return Calls.optional(http.transport(), api.getActivitySamples(date));
  }

  private void checkRange(LocalDate from, LocalDate to) {
    DateWindows.requireAtMost28Dates(from, to);
    windows.requireWithinActivityHistory("from", from);
  }
}
