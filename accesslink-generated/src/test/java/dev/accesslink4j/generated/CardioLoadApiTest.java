package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.accesslink4j.generated.api.CardioLoadApi;
import dev.accesslink4j.generated.model.CardioLoad;
import dev.accesslink4j.generated.model.CardioLoadStatus;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CardioLoadApi}: the literal {@code /date} route with a date range, and an enum Polar may extend. */
class CardioLoadApiTest {

  @RegisterExtension
  final ApiServer server = new ApiServer();

  private final CardioLoadApi api = server.api(CardioLoadApi.class);

  @Test
  void dateRangeGoesToTheLiteralDateRouteAndToleratesNewStatuses() throws Exception {
    JsonArray loads = JsonParser.parseString(Spec.responseExample("listCardioLoadsByDateRange"))
        .getAsJsonArray();
    loads.get(0).getAsJsonObject().addProperty("cardio_load_status", "LOAD_STATUS_FROM_THE_FUTURE");
    server.enqueueJson(200, loads.toString());

    List<CardioLoad> parsed = api.listCardioLoadsByDateRange(
            LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 28))
        .execute()
        .body();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v3/users/cardio-load/date");
    assertThat(request.getUrl().query()).isEqualTo("from=2023-01-01&to=2023-01-28");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");

    assertThat(parsed.get(0).getCardioLoadStatus())
        .isEqualTo(CardioLoadStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(parsed.get(0).getDate()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(parsed.get(1).getCardioLoadStatus()).isEqualTo(CardioLoadStatus.PRODUCTIVE);
    assertThat(parsed.get(1).getCardioLoadRatio()).isEqualTo(1.21f);
  }
}
