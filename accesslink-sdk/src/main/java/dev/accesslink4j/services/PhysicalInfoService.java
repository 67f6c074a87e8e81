package dev.accesslink4j.services;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.api.PhysicalInfoApi;
import dev.accesslink4j.generated.model.PhysicalInfo;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.util.Optional;

/**
 * The user's current physical information: weight, height, birthday, sex, maximum and resting heart rate, aerobic and
 * anaerobic thresholds, VO2max, training background, typical day and sleep goal. Not transactional: every read
 * returns the latest values. It replaces the physical-information transactions (deprecated in January 2026); the
 * {@code PHYSICAL_INFORMATION} webhook event says when the values changed.
 */
public final class PhysicalInfoService {
  private final HttpStack http;
  private final PhysicalInfoApi api;

  /**
   * Creates the service. Applications get it from {@link UserClient#physicalInfo()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public PhysicalInfoService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(PhysicalInfoApi.class);
  }

  /**
   * Reads the user's current physical information ({@code GET /v3/users/physical-info}).
   *
   * <p>Polar documents {@code 404} here as "user not found": the user is not registered with this client (call
   * {@code users().register(…)} first), which is an error to act on, not "no data", so it is thrown. Polar documents
   * no "no data" answer; an undocumented {@code 204} gives an empty {@code Optional}.
   *
   * @return the physical information, or empty on an (undocumented) 204
   * @throws NotFoundException if the user is not registered with this client (404)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<PhysicalInfo> get() {
    return Calls.optional(http.transport(), api.getPhysicalInfo());
  }
}
