package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.generated.api.NotificationsApi;
import dev.accesslink4j.generated.api.SleepApi;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.AvailableUserDataList;
import dev.accesslink4j.generated.model.RegisterUserRequest;
import dev.accesslink4j.generated.model.SleepList;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RawCallTest {
  @RegisterExtension
  final MockAccessLink mock =
      MockAccessLink.withRetries(RetryPolicy.builder().maxAttempts(3).build());

  @Test
  void aUserCallReturnsStatusHeadersRateLimitAndBody() {
    mock.enqueueJson(200, "{\"nights\":[{\"date\":\"2025-01-01\",\"sleep_score\":80}]}");

    ApiResponse<SleepList> response = mock.user().call(SleepApi.class, SleepApi::listSleep);

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v3/users/sleep");
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + MockAccessLink.TOKEN);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.rateLimit())
        .hasValueSatisfying(r -> assertThat(r.shortWindow().used()).isEqualTo(3));
    assertThat(response.body().orElseThrow().getNights())
        .singleElement()
        .satisfies(n -> assertThat(n.getSleepScore()).isEqualTo(80));
  }

  @Test
  void readsAreRetriedWritesAreNot() {
    mock.enqueueStatus(503).enqueueJson(200, "{\"nights\":[]}");
    assertThat(mock.user().call(SleepApi.class, SleepApi::listSleep).body()).isPresent();

    mock.enqueueStatus(503);
    assertThatThrownBy(() -> mock.user()
            .call(UsersApi.class, api -> api.registerUser(new RegisterUserRequest().memberId("m"))))
        .isInstanceOf(ServerException.class);
    assertThat(mock.server().getRequestCount()).isEqualTo(3);
  }

  @Test
  void aClientCallUsesTheClientCredentials() {
    mock.enqueueStatus(204);

    ApiResponse<AvailableUserDataList> response =
        mock.client().call(NotificationsApi.class, NotificationsApi::listNotifications);

    assertThat(mock.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo(Credentials.basic(MockAccessLink.CLIENT_ID, MockAccessLink.CLIENT_SECRET));
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }
}
