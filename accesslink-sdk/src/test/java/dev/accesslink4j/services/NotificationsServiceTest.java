package dev.accesslink4j.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.model.AvailableUserData;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotificationsServiceTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void listSendsClientCredentialsAndParsesTheEntries() {
    mock.enqueueFixture(200, "listNotifications.json");

    List<AvailableUserData> entries = mock.client().notifications().list();

    RecordedRequest sent = mock.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v3/notifications");
    assertThat(sent.getHeaders().get("Authorization"))
        .isEqualTo("Basic "
            + Base64.getEncoder()
                .encodeToString((MockAccessLink.CLIENT_ID + ":" + MockAccessLink.CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(sent.getHeaders().get("Accept")).contains("application/json");
    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.getUserId()).isEqualTo(475L);
      assertThat(entry.getDataType()).isEqualTo(AvailableUserData.DataTypeEnum.ACTIVITY_SUMMARY);
      assertThat(entry.getUrl())
          .isEqualTo(
              URI.create("https://www.polaraccesslink.com/v3/users/475/activity-transactions"));
    });
  }

  @Test
  void nothingNewIsAnEmptyList() {
    mock.enqueueStatus(204).enqueueJson(200, "{}");

    assertThat(mock.client().notifications().list()).isEmpty();
    assertThat(mock.client().notifications().list()).isEmpty();
  }

  @Test
  void wrongClientCredentialsAreUnauthorized() {
    mock.enqueueStatus(401);

    assertThatThrownBy(() -> mock.client().notifications().list())
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageStartingWith("GET /v3/notifications failed with HTTP 401")
        .hasMessageNotContaining(MockAccessLink.CLIENT_SECRET);
  }
}
