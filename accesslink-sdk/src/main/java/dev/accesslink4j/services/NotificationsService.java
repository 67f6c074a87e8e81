package dev.accesslink4j.services;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.api.NotificationsApi;
import dev.accesslink4j.generated.model.AvailableUserData;
import dev.accesslink4j.generated.model.AvailableUserDataList;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import dev.accesslink4j.internal.Transport.Replay;
import java.util.List;
import java.util.Objects;

/**
 * Pull notifications: which users have new transactional data (client credentials, HTTP basic).
 *
 * <p>Only the transactional types are reported ({@code EXERCISE}, {@code ACTIVITY_SUMMARY},
 * {@code PHYSICAL_INFORMATION}); sleep, Nightly Recharge, continuous heart rate and the other non-transactional
 * resources are signalled by webhooks only. Polar does not say whether an entry disappears when it is read or when
 * its transaction is committed: process entries idempotently and expect to see one again until its data has been
 * committed.
 */
public final class NotificationsService {
  private final HttpStack http;
  private final NotificationsApi api;

  /**
   * Creates the service. Applications get it from {@link AccessLink#notifications()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public NotificationsService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(NotificationsApi.class);
  }

  /**
   * Lists the users with new transactional data ({@code GET /v3/notifications}). Each entry names the Polar user id,
   * the data type, and the URL of the transaction to create for it.
   *
   * @return one entry per user and data type; empty when AccessLink answers 204 (nothing new for anybody)
   * @throws UnauthorizedException (401) if the client id or secret is wrong
   */
  public List<AvailableUserData> list() {
    return http.transport()
        .execute(api.listNotifications(), Replay.SAFE)
        .body()
        .map(AvailableUserDataList::getAvailableUserData)
        .map(entries -> entries.stream().filter(Objects::nonNull).toList())
        .orElse(List.of());
  }

  @Override
  public String toString() {
    return "NotificationsService";
  }
}
