package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.generated.api.ExercisesApi;
import dev.accesslink4j.generated.model.TrainingLoadProInterpretation;
import dev.accesslink4j.generated.model.TrainingLoadProRpe;
import dev.accesslink4j.generated.model.TrainingSession;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExercisesApi}: the non-transactional, snake_case exercises and the edge cases of their example. */
class ExercisesApiTest {

  @RegisterExtension
  final ApiServer server = new ApiServer();

  private final ExercisesApi api = server.api(ExercisesApi.class);

  @Test
  void listExercisesSendsTheFlagsAndReadsTheEdgeCases() throws Exception {
    server.enqueueJson(200, Spec.responseExample("listExercises"));

    List<TrainingSession> exercises =
        api.listExercises(true, true, true).execute().body();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v3/exercises");
    assertThat(request.getUrl().query()).isEqualTo("samples=true&zones=true&route=true");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");

    assertThat(exercises).hasSize(3);
    TrainingSession full = exercises.get(0);
    assertThat(full.getId()).isEqualTo("2AC312F");
    assertThat(full.getUploadTime())
        .isEqualTo(OffsetDateTime.of(2008, 10, 13, 10, 40, 2, 0, ZoneOffset.UTC));
    assertThat(full.getStartTime()).isEqualTo(LocalDateTime.of(2008, 10, 13, 10, 40, 2));
    assertThat(full.getHeartRate().getAverage()).isEqualTo(129);
    assertThat(full.getRoute().get(0).getTime()).isEqualTo(Duration.ofMillis(210_026));
    assertThat(full.getTrainingLoadPro().getUserRpe()).isEqualTo(TrainingLoadProRpe.UNKNOWN);

    TrainingSession edgy = exercises.get(1);
    assertThat(edgy.getDuration())
        .as("fractional ISO seconds")
        .isEqualTo(Duration.ofSeconds(14_295, 773_000_000));
    assertThat(edgy.getHeartRate()).as("{} is an object without values").isNotNull();
    assertThat(edgy.getHeartRate().getAverage()).isNull();
    assertThat(edgy.getHeartRate().getMaximum()).isNull();
    assertThat(edgy.getSamples().get(0).getRecordingRate())
        .as("RR samples have no rate")
        .isNull();
    assertThat(edgy.getSamples().get(0).getData()).isEqualTo("612,598,null,605,611");
    assertThat(edgy.getRoute()).as("an absent array reads as empty").isEmpty();
    assertThat(edgy.getClubId()).isEqualTo(-1L);

    TrainingSession withoutFlowSport = exercises.get(2);
    assertThat(withoutFlowSport.getId()).isEqualTo("7CE1A02");
    assertThat(withoutFlowSport.getSport()).isEqualTo("RUNNING");
    assertThat(withoutFlowSport.getDetailedSportInfo())
        .as("detailed_sport_info: null")
        .isNull();
  }

  @Test
  void aListWithANullDetailedSportInfoParses() throws Exception {
    server.enqueueJson(
        200,
        "[{\"id\":\"7CE1A02\",\"sport\":\"RUNNING\",\"detailed_sport_info\":null},"
            + "{\"id\":\"2AC312F\",\"detailed_sport_info\":\"ROAD_RUNNING\"}]");

    List<TrainingSession> exercises =
        api.listExercises(null, null, null).execute().body();

    assertThat(exercises)
        .extracting(TrainingSession::getId, TrainingSession::getDetailedSportInfo)
        .containsExactly(tuple("7CE1A02", null), tuple("2AC312F", "ROAD_RUNNING"));
  }

  @Test
  void unknownEnumValuesBecomeTheOpenDefaultInsteadOfFailing() throws Exception {
    JsonObject exercise =
        JsonParser.parseString(Spec.responseExample("getExercise")).getAsJsonObject();
    JsonObject trainingLoadPro = exercise.getAsJsonObject("training_load_pro");
    trainingLoadPro.addProperty("user-rpe", "RPE_INVENTED_IN_2030");
    trainingLoadPro.addProperty("muscle-load-interpretation", "EXTREME");
    server.enqueueJson(200, exercise.toString());

    TrainingSession parsed =
        api.getExercise("2AC312F", null, null, null).execute().body();

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v3/exercises/2AC312F");
    assertThat(parsed.getTrainingLoadPro().getUserRpe())
        .isEqualTo(TrainingLoadProRpe.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(parsed.getTrainingLoadPro().getMuscleLoadInterpretation())
        .isEqualTo(TrainingLoadProInterpretation.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(parsed.getTrainingLoadPro().getCardioLoadInterpretation())
        .as("Polar's own UNKNOWN stays a known value")
        .isEqualTo(TrainingLoadProInterpretation.UNKNOWN);
  }
}
