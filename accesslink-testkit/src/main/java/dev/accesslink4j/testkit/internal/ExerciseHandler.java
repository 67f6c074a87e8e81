package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonArray;
import dev.accesslink4j.testkit.Route;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The non-transactional exercises of the last 30 days (uploaded after registration), addressed by hashed id, and
 * their FIT, TCX (plain XML) and GPX (404 without a route) files. Called with the engine's lock held.
 */
final class ExerciseHandler {
  static final int EXERCISE_WINDOW_DAYS = 30;

  private final Engine engine;

  ExerciseHandler(Engine engine) {
    this.engine = engine;
  }

  Reply handle(Route route, Call call) {
    engine.auth.user(call);
    return switch (route) {
      case LIST_EXERCISES -> listExercises(call);
      case GET_EXERCISE -> getExercise(call);
      case GET_EXERCISE_FIT ->
        Reply.bytes(200, FitWriter.write(exercise(call).track()), "application/octet-stream");
      case GET_EXERCISE_TCX ->
        Reply.bytes(
            200,
            XmlWriters.tcx(exercise(call).track()).getBytes(StandardCharsets.UTF_8),
            "application/vnd.garmin.tcx+xml");
      case GET_EXERCISE_GPX -> gpx(call);
      default -> throw new IllegalStateException("not an exercise route: " + route);
    };
  }

  private List<ExerciseRecord> recentExercises(Account a) {
    if (!a.registered()) {
      return List.of();
    }
    Instant since = engine.clock.instant().minus(Duration.ofDays(EXERCISE_WINDOW_DAYS));
    List<ExerciseRecord> list = new ArrayList<>();
    for (ExerciseRecord e : a.exercises) {
      if (!e.uploadTime.isBefore(since)) {
        list.add(e);
      }
    }
    list.sort(Comparator.comparing((ExerciseRecord e) -> e.uploadTime));
    return list;
  }

  private Reply listExercises(Call call) {
    Account a = engine.auth.user(call);
    JsonArray arr = Json.arr();
    for (ExerciseRecord e : recentExercises(a)) {
      arr.add(ExerciseViews.hashed(
          e,
          engine.profileUrl(a.id),
          call.flag("samples"),
          call.flag("zones"),
          call.flag("route")));
    }
    return Reply.json(200, arr);
  }

  private ExerciseRecord exercise(Call call) {
    Account a = engine.auth.user(call);
    String id = call.param("exercise-id");
    for (ExerciseRecord e : recentExercises(a)) {
      if (e.hashedId.equals(id)) {
        return e;
      }
    }
    throw new Halt(engine.error(404, "Exercise not found"));
  }

  private Reply getExercise(Call call) {
    ExerciseRecord e = exercise(call);
    Account a = engine.auth.user(call);
    return Reply.json(
        200,
        ExerciseViews.hashed(
            e,
            engine.profileUrl(a.id),
            call.flag("samples"),
            call.flag("zones"),
            call.flag("route")));
  }

  private Reply gpx(Call call) {
    ExerciseTrack t = exercise(call).track();
    if (!t.hasRoute()) {
      return engine.error(404, "Exercise has no route");
    }
    return Reply.bytes(
        200, XmlWriters.gpx(t, false).getBytes(StandardCharsets.UTF_8), "application/gpx+xml");
  }
}
