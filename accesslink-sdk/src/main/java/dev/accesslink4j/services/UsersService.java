package dev.accesslink4j.services;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.ConflictException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.RegistrationFailedException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.RegisterUserRequest;
import dev.accesslink4j.generated.model.User;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import dev.accesslink4j.internal.Transport.Replay;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import retrofit2.Call;

/**
 * Registers, reads and de-registers the linked user (bearer token).
 *
 * <p>Register the user once, right after the first token exchange: no data is reachable before it, and exercises and
 * transactional data are served only for uploads made after registration. The user id these calls need is the Polar
 * user id ({@code x_user_id} of the token response, {@link AccessToken#userId()}); the overloads without it use the
 * token's.
 *
 * <p>Every call can throw {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents at
 * account.polar.com) and {@link UnauthorizedException} (401: the token was revoked; link the user again).
 */
public final class UsersService {
  private static final String HINT_204 =
      " (documented as \"user not found\"): the user was not registered. Send the user through authorization again"
          + " and register with the new token";
  private static final String HINT_TAKEN =
      ": the member id is already used by another user of this client. Register with another member id";

  private final HttpStack http;
  private final UsersApi api;
  private final AccessToken token;

  /**
   * Creates the service. Applications get it from {@link UserClient#users()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   * @param token the token the context's view sends
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public UsersService(ServiceContext context, AccessToken token) {
    this.http = context.http();
    this.api = context.create(UsersApi.class);
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * Registers the user who owns the token to this client under your own identifier ({@code POST /v3/users}).
   * Retried only after a 429 (which AccessLink answers without processing), never after a failure that might have
   * registered the user.
   *
   * @param memberId your identifier for the user; must be unique within this client
   * @return the registered user
   * @throws ConflictException (409) if the user is already registered to this client or the member id is taken; use
   *     {@link #registerIfAbsent(String, long)} to tell them apart
   * @throws RegistrationFailedException if AccessLink answered 204 ("user not found"): nothing was registered
   * @throws ConsentRequiredException (403) if the user has not accepted Polar's mandatory consents
   */
  public User register(String memberId) {
    Objects.requireNonNull(memberId, "memberId");
    if (memberId.isBlank()) {
      throw new IllegalArgumentException("memberId must not be blank");
    }
    Call<User> call = api.registerUser(new RegisterUserRequest().memberId(memberId));
    ApiResponse<User> response = http.transport().execute(call, Replay.REFUSED_ONLY);
    Optional<User> user = response.body();
    if (user.isEmpty()) {
      throw new RegistrationFailedException(
          call.request().method() + " " + call.request().url().encodedPath() + " answered HTTP "
              + response.status() + HINT_204,
          response.status(),
          null);
    }
    return user.get();
  }

  /**
   * Registers the user under a freshly generated member id (a random UUID, new on every call), for applications
   * that have no identifier of their own yet. Read the id back from {@code getMemberId()}.
   *
   * @return the registered user
   * @throws ConflictException (409) if the user is already registered to this client
   * @throws RegistrationFailedException if AccessLink answered 204 ("user not found")
   * @see #register(String)
   */
  public User register() {
    return register(UUID.randomUUID().toString());
  }

  /**
   * Registers the user unless they are already registered: a 409 is confirmed by reading the user
   * ({@code GET /v3/users/{user-id}}). Safe to call on every login.
   *
   * @param memberId your identifier for the user
   * @param userId the Polar user id ({@code x_user_id} of the token response)
   * @return whether the user was registered now or already, and the user; check
   *     {@link UserRegistration#memberIdMatches()} to learn whether an earlier registration used another member id
   * @throws RegistrationFailedException if AccessLink answered 204 to the registration, or 409 while the user is not
   *     registered (the member id is taken by another user of this client)
   * @throws ConsentRequiredException (403) if the user has not accepted Polar's mandatory consents
   */
  public UserRegistration registerIfAbsent(String memberId, long userId) {
    try {
      return UserRegistration.registered(register(memberId), memberId);
    } catch (ConflictException conflict) {
      Optional<User> existing = get(userId);
      if (existing.isEmpty()) {
        throw new RegistrationFailedException(
            conflict.method() + " " + conflict.path() + " answered HTTP " + conflict.status()
                + ", but user " + userId + " is not registered to this client" + HINT_TAKEN,
            conflict.status(),
            conflict);
      }
      return UserRegistration.alreadyRegistered(existing.get(), memberId);
    }
  }

  /**
   * Registers the user unless they are already registered, using the token's user id.
   *
   * @param memberId your identifier for the user
   * @return whether the user was registered now or already, and the user
   * @throws IllegalStateException if this service's token carries no user id (a token made with
   *     {@link AccessToken#of(String)}); use {@link #registerIfAbsent(String, long)}
   * @see #registerIfAbsent(String, long)
   */
  public UserRegistration registerIfAbsent(String memberId) {
    return registerIfAbsent(memberId, tokenUserId());
  }

  /**
   * Reads the user's basic information ({@code GET /v3/users/{user-id}}). For weight and height prefer the physical
   * information, which Polar keeps current.
   *
   * @param userId the Polar user id
   * @return the user, or empty when AccessLink answers 204: the user is not registered to this client (never
   *     registered, or de-registered)
   * @throws ConsentRequiredException (403) if the user has not accepted Polar's mandatory consents
   */
  public Optional<User> get(long userId) {
    return http.transport().execute(api.getUser(userId), Replay.SAFE).body();
  }

  /**
   * Reads the user's basic information, using the token's user id.
   *
   * @return the user, or empty when the user is not registered to this client
   * @throws IllegalStateException if this service's token carries no user id; use {@link #get(long)}
   * @see #get(long)
   */
  public Optional<User> get() {
    return get(tokenUserId());
  }

  /**
   * De-registers the user ({@code DELETE /v3/users/{user-id}}). This also <b>revokes the access token</b>: every later
   * call with it answers 401. Delete the token from your store; to read the user's data again the user must
   * authorize and be registered again. Retried only after a 429.
   *
   * @param userId the Polar user id
   * @throws UnauthorizedException (401) if the token was already revoked
   */
  public void delete(long userId) {
    http.transport().execute(api.deleteUser(userId), Replay.REFUSED_ONLY);
  }

  /**
   * De-registers the user, using the token's user id; revokes the token.
   *
   * @throws IllegalStateException if this service's token carries no user id; use {@link #delete(long)}
   * @see #delete(long)
   */
  public void delete() {
    delete(tokenUserId());
  }

  private long tokenUserId() {
    OptionalLong id = token.userId();
    if (id.isEmpty()) {
      throw new IllegalStateException(
          "the access token carries no user id (x_user_id); pass the Polar user id explicitly");
    }
    return id.getAsLong();
  }

  @Override
  public String toString() {
    return "UsersService[" + token + "]";
  }
}
