package dev.accesslink4j.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonParser;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.ConflictException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.RegistrationFailedException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.ServiceException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.model.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsersServiceTest {
  private static final String BEARER = "Bearer " + MockAccessLink.TOKEN;
  private static final long USER_ID = 2278512L;

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  /** The service as {@code UserClient.users()} creates it today: without the token's user id. */
  private UsersService users() {
    return mock.user().users();
  }

  /** The service created with a token that carries the user id from the token response. */
  private static UsersService usersWithTokenUserId(MockAccessLink fixture, long userId) {
    AccessToken token =
        AccessToken.of(MockAccessLink.TOKEN, "bearer", Duration.ofDays(365), Instant.now(), userId);
    UserClient user = fixture.client().user(token);
    return user.users();
  }

  private static String memberIdSent(RecordedRequest request) {
    return JsonParser.parseString(request.getBody().utf8())
        .getAsJsonObject()
        .get("member-id")
        .getAsString();
  }

  @Test
  void registerPostsTheMemberIdWithTheBearerTokenAndParsesTheUser() {
    mock.enqueueFixture(200, "registerUser.json");

    User user = users().register("member-42");

    RecordedRequest sent = mock.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v3/users");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo(BEARER);
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(JsonParser.parseString(sent.getBody().utf8()))
        .isEqualTo(JsonParser.parseString("{\"member-id\": \"member-42\"}"));
    assertThat(user.getPolarUserId()).isEqualTo(USER_ID);
    assertThat(user.getMemberId()).isEqualTo("i09u9ujj");
    assertThat(user.getRegistrationDate())
        .isEqualTo(OffsetDateTime.of(2011, 10, 14, 12, 50, 37, 0, ZoneOffset.UTC));
    assertThat(user.getBirthdate()).isEqualTo(LocalDate.of(1985, 9, 6));
    assertThat(user.getGender()).isEqualTo(User.GenderEnum.MALE);
    assertThat(user.getExtraInfo())
        .singleElement()
        .satisfies(info -> assertThat(info.getName()).isEqualTo("number-of-children"));
  }

  @Test
  void registerWithoutMemberIdGeneratesAFreshUuidEachCall() {
    mock.enqueueFixture(200, "registerUser.json").enqueueFixture(200, "registerUser.json");

    users().register();
    users().register();

    Set<String> sent = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      String memberId = memberIdSent(mock.takeRequest());
      assertThat(UUID.fromString(memberId).toString()).isEqualTo(memberId);
      sent.add(memberId);
    }
    assertThat(sent).hasSize(2);
  }

  @Test
  void registerAnswered204IsAFailedRegistration() {
    mock.enqueueStatus(204);

    RegistrationFailedException e = catchThrowableOfType(
        RegistrationFailedException.class, () -> users().register("member-42"));

    assertThat(e.status()).isEqualTo(204);
    assertThat(e)
        .isNotInstanceOf(ServiceException.class)
        .hasNoCause(); // a 204 is not an error status
    assertThat(e)
        .hasMessageStartingWith(
            "POST /v3/users answered HTTP 204 (documented as \"user not found\")")
        .hasMessageContaining("the user was not registered");
  }

  @Test
  void registerConflictAndConsentAreTyped() {
    mock.enqueueStatus(409).enqueueStatus(403);

    assertThatThrownBy(() -> users().register("member-42")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> users().register("member-42"))
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessageContaining("account.polar.com");
  }

  @Test
  void registerIfAbsentRegistersANewUserWithOneRequest() {
    mock.enqueueFixture(200, "registerUser.json");

    UserRegistration registration = users().registerIfAbsent("i09u9ujj", USER_ID);

    assertThat(registration.status()).isEqualTo(UserRegistration.Status.REGISTERED);
    assertThat(registration.isNew()).isTrue();
    assertThat(registration.memberIdMatches()).isTrue();
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void registerIfAbsentTreats409AsAlreadyRegisteredAfterConfirmingWithGet() {
    mock.enqueueStatus(409).enqueueFixture(200, "getUser.json");

    UserRegistration registration = users().registerIfAbsent("i09u9ujj", USER_ID);

    assertThat(mock.takeRequest().getMethod()).isEqualTo("POST");
    RecordedRequest confirm = mock.takeRequest();
    assertThat(confirm.getMethod()).isEqualTo("GET");
    assertThat(confirm.getUrl().encodedPath()).isEqualTo("/v3/users/" + USER_ID);
    assertThat(confirm.getHeaders().get("Authorization")).isEqualTo(BEARER);
    assertThat(registration.status()).isEqualTo(UserRegistration.Status.ALREADY_REGISTERED);
    assertThat(registration.isNew()).isFalse();
    assertThat(registration.user().getPolarUserId()).isEqualTo(USER_ID);
    assertThat(registration.memberIdMatches()).isTrue();
  }

  @Test
  void registerIfAbsentReportsAnEarlierRegistrationUnderAnotherMemberId() {
    mock.enqueueStatus(409).enqueueFixture(200, "getUser.json");

    UserRegistration registration = users().registerIfAbsent("member-42", USER_ID);

    assertThat(registration.status()).isEqualTo(UserRegistration.Status.ALREADY_REGISTERED);
    assertThat(registration.memberIdMatches()).isFalse();
  }

  @Test
  void registerIfAbsentWith409ButNoUserMeansTheMemberIdIsTaken() {
    mock.enqueueStatus(409).enqueueStatus(204);

    RegistrationFailedException e = catchThrowableOfType(
        RegistrationFailedException.class, () -> users().registerIfAbsent("taken", USER_ID));

    assertThat(e.status()).isEqualTo(409);
    assertThat(e)
        .isNotInstanceOf(ServiceException.class)
        .hasMessage(
            "POST /v3/users answered HTTP 409, but user " + USER_ID
                + " is not registered to this client:"
                + " the member id is already used by another user of this client. Register with another member id");
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            ConflictException.class,
            conflict -> assertThat(conflict.path()).isEqualTo("/v3/users"));
  }

  @Test
  void overloadsWithoutUserIdUseTheTokensUserId() {
    mock.enqueueStatus(409)
        .enqueueFixture(200, "getUser.json")
        .enqueueFixture(200, "getUser.json")
        .enqueueStatus(204);
    UsersService users = usersWithTokenUserId(mock, 10579L);

    users.registerIfAbsent("i09u9ujj");
    users.get();
    users.delete();

    mock.takeRequest();
    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/v3/users/10579");
    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/v3/users/10579");
    RecordedRequest delete = mock.takeRequest();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/v3/users/10579");
  }

  @Test
  void overloadsWithoutUserIdFailBeforeAnyRequestWhenTheTokenHasNone() {
    assertThatThrownBy(() -> users().registerIfAbsent("member-42"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pass the Polar user id");
    assertThatThrownBy(() -> users().get()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> users().delete()).isInstanceOf(IllegalStateException.class);
    assertThat(mock.server().getRequestCount()).isZero();
  }

  @Test
  void getReturnsTheUserOrEmptyFor204() {
    mock.enqueueFixture(200, "getUser.json").enqueueStatus(204);

    Optional<User> found = users().get(USER_ID);
    Optional<User> missing = users().get(USER_ID);

    assertThat(found).map(User::getFirstName).contains("Eka");
    assertThat(missing).isEmpty();
    RecordedRequest sent = mock.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v3/users/2278512");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo(BEARER);
  }

  @Test
  void getWithoutConsentThrowsConsentRequired() {
    mock.enqueueStatus(403);

    assertThatThrownBy(() -> users().get(USER_ID)).isInstanceOf(ConsentRequiredException.class);
  }

  @Test
  void deleteSendsDeleteWithTheBearerToken() {
    mock.enqueueStatus(204);

    users().delete(USER_ID);

    RecordedRequest sent = mock.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("DELETE");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v3/users/2278512");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo(BEARER);
  }

  @Test
  void deleteWithARevokedTokenIsUnauthorized() {
    mock.enqueueStatus(401);

    assertThatThrownBy(() -> users().delete(USER_ID)).isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void toStringShowsNoToken() {
    assertThat(usersWithTokenUserId(mock, 1L).toString()).doesNotContain(MockAccessLink.TOKEN);
  }

  @Nested
  class WithRetriesEnabled {
    @RegisterExtension
    final MockAccessLink retrying = MockAccessLink.withRetries(RetryPolicy.defaults());

    @Test
    void registerIsNotRetriedAfterAServerError() {
      retrying.enqueueStatus(503).enqueueFixture(200, "registerUser.json");

      assertThatThrownBy(() -> retrying.user().users().register("member-42"))
          .isInstanceOf(ServerException.class);
      assertThat(retrying.server().getRequestCount()).isEqualTo(1);
    }

    @Test
    void registerIsNotSilentlyResentOnADroppedPooledConnection() {
      retrying.enqueueStatus(204);
      retrying.user().users().get(USER_ID); // leaves a pooled connection that the next call reuses
      retrying
          .enqueue(new MockResponse.Builder()
              .onResponseStart(new SocketEffect.CloseSocket())
              .build())
          .enqueueFixture(200, "registerUser.json");

      assertThatThrownBy(() -> retrying.user().users().register("member-42"))
          .isInstanceOf(AccessLinkIOException.class);
      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void registerWaitsOutAShortRateLimit() {
      retrying
          .enqueue(MockAccessLink.shortWindowExhausted(2))
          .enqueueFixture(200, "registerUser.json");

      User user = retrying.user().users().register("member-42");

      assertThat(user.getPolarUserId()).isEqualTo(USER_ID);
      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
    }
  }
}
