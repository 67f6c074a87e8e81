package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.accesslink4j.testkit.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The transaction state machine of the exercise, activity and physical-information transactions. Called with the
 * engine's lock held.
 *
 * <ul>
 *   <li>Create takes up to 50 uncommitted items of the type into a new transaction (201) or answers 204 when there
 *       are none. Creating again while a transaction is open abandons the open one (it answers 404 from then on) and
 *       the new one offers the same uncommitted items again: an uncommitted item always comes back.
 *   <li>List and item reads need the open transaction (404 for an unknown, abandoned or committed one, and for an
 *       item that is not in it).
 *   <li>Commit (200) removes the transaction's items for good; the transaction is then gone (404).
 * </ul>
 *
 * <p>The transactional TCX is served gzip-compressed (raw gzip bytes, no {@code Content-Encoding}), which Polar
 * documents as "gzipped TCX"; the non-transactional {@code /v3/exercises/{id}/tcx} is plain XML.
 */
final class TransactionHandler {
  private final Engine engine;

  TransactionHandler(Engine engine) {
    this.engine = engine;
  }

  Reply handle(Route route, Call call) {
    Account a = engine.auth.user(call);
    engine.auth.samePathUser(call, a);
    return switch (route) {
      case CREATE_EXERCISE_TRANSACTION -> create(a, TransactionKind.EXERCISE);
      case CREATE_ACTIVITY_TRANSACTION -> create(a, TransactionKind.ACTIVITY);
      case CREATE_PHYSICAL_INFO_TRANSACTION -> create(a, TransactionKind.PHYSICAL);
      case GET_EXERCISE_TRANSACTION -> list(a, transaction(call, a, TransactionKind.EXERCISE));
      case GET_ACTIVITY_TRANSACTION -> list(a, transaction(call, a, TransactionKind.ACTIVITY));
      case GET_PHYSICAL_INFO_TRANSACTION -> list(a, transaction(call, a, TransactionKind.PHYSICAL));
      case COMMIT_EXERCISE_TRANSACTION -> commit(a, transaction(call, a, TransactionKind.EXERCISE));
      case COMMIT_ACTIVITY_TRANSACTION -> commit(a, transaction(call, a, TransactionKind.ACTIVITY));
      case COMMIT_PHYSICAL_INFO_TRANSACTION ->
        commit(a, transaction(call, a, TransactionKind.PHYSICAL));
      default -> item(route, call, a);
    };
  }

  private Reply create(Account a, TransactionKind kind) {
    if (!a.registered()) {
      return Reply.empty(204);
    }
    for (Iterator<Engine.Transaction> it = engine.openTransactions.values().iterator();
        it.hasNext(); ) {
      Engine.Transaction t = it.next();
      if (t.userId == a.id && t.kind == kind) {
        t.open = false;
        it.remove();
      }
    }
    Map<Long, ?> pending = switch (kind) {
      case EXERCISE -> a.pendingExercises;
      case ACTIVITY -> a.pendingActivities;
      case PHYSICAL -> a.pendingPhysical;
    };
    if (pending.isEmpty()) {
      return Reply.empty(204);
    }
    List<Long> items = new ArrayList<>();
    for (Long id : pending.keySet()) {
      if (items.size() == Engine.MAX_TRANSACTION_ITEMS) {
        break;
      }
      items.add(id);
    }
    Engine.Transaction t = new Engine.Transaction(engine.newTransactionId(), kind, a.id, items);
    engine.openTransactions.put(t.id, t);
    JsonObject body = Json.obj()
        .put("transaction-id", t.id)
        .put("resource-uri", transactionUrl(a, t))
        .build();
    return Reply.json(201, body);
  }

  private String transactionUrl(Account a, Engine.Transaction t) {
    return engine.userUrl(a.id) + "/" + t.kind.segment + "/" + t.id;
  }

  private Engine.Transaction transaction(Call call, Account a, TransactionKind kind) {
    long id;
    try {
      id = Long.parseLong(call.param("transaction-id"));
    } catch (NumberFormatException e) {
      throw new Halt(engine.error(404, "Transaction not found"));
    }
    Engine.Transaction t = engine.openTransactions.get(id);
    if (t == null || !t.open || t.userId != a.id || t.kind != kind) {
      throw new Halt(engine.error(404, "Transaction not found"));
    }
    return t;
  }

  private Reply list(Account a, Engine.Transaction t) {
    JsonArray urls = Json.arr();
    for (long id : t.items) {
      urls.add(transactionUrl(a, t) + "/" + t.kind.itemSegment + "/" + id);
    }
    return Reply.json(200, Json.obj().put(t.kind.listKey, urls).build());
  }

  private Reply commit(Account a, Engine.Transaction t) {
    for (long id : t.items) {
      switch (t.kind) {
        case EXERCISE -> a.pendingExercises.remove(id);
        case ACTIVITY -> a.pendingActivities.remove(id);
        case PHYSICAL -> a.pendingPhysical.remove(id);
      }
    }
    t.open = false;
    engine.openTransactions.remove(t.id);
    return Reply.empty(200);
  }

  private long itemId(Call call, String param, Engine.Transaction t) {
    long id;
    try {
      id = Long.parseLong(call.param(param));
    } catch (NumberFormatException e) {
      throw new Halt(engine.error(404, "Not found"));
    }
    if (!t.items.contains(id)) {
      throw new Halt(engine.error(404, "Not in this transaction"));
    }
    return id;
  }

  private Reply item(Route route, Call call, Account a) {
    String userUrl = engine.profileUrl(a.id);
    switch (route) {
      case GET_TRANSACTION_ACTIVITY:
      case GET_TRANSACTION_ACTIVITY_STEP_SAMPLES:
      case GET_TRANSACTION_ACTIVITY_ZONE_SAMPLES: {
        Engine.Transaction t = transaction(call, a, TransactionKind.ACTIVITY);
        ActivityItem item = a.pendingActivities.get(itemId(call, "activity-id", t));
        if (item == null) {
          return Reply.empty(204);
        }
        ActivityDay day = ActivityDay.of(engine.config.seed(), a, item.date());
        return Reply.json(
            200,
            route == Route.GET_TRANSACTION_ACTIVITY
                ? DailyViews.activityTransactional(item, day, userUrl, t.id)
                : route == Route.GET_TRANSACTION_ACTIVITY_STEP_SAMPLES
                    ? DailyViews.stepSamples(day)
                    : DailyViews.zoneSamples(day));
      }
      case GET_TRANSACTION_PHYSICAL_INFO: {
        Engine.Transaction t = transaction(call, a, TransactionKind.PHYSICAL);
        PhysicalRecord p = a.pendingPhysical.get(itemId(call, "physical-info-id", t));
        return p == null
            ? Reply.empty(204)
            : Reply.json(200, HealthViews.physicalTransactional(p, userUrl, t.id));
      }
      default:
        break;
    }
    Engine.Transaction t = transaction(call, a, TransactionKind.EXERCISE);
    ExerciseRecord e = a.pendingExercises.get(itemId(call, "exercise-id", t));
    if (e == null) {
      return Reply.empty(204);
    }
    ExerciseTrack track = e.track();
    String itemUrl = transactionUrl(a, t) + "/exercises/" + e.transactionalId;
    return switch (route) {
      case GET_TRANSACTION_EXERCISE ->
        Reply.json(200, ExerciseViews.transactional(e, userUrl, t.id));
      case GET_TRANSACTION_EXERCISE_FIT ->
        Reply.bytes(200, FitWriter.write(track), "application/octet-stream");
      case GET_TRANSACTION_EXERCISE_TCX ->
        Reply.bytes(200, gzip(XmlWriters.tcx(track)), "application/vnd.garmin.tcx+xml");
      case GET_TRANSACTION_EXERCISE_GPX ->
        track.hasRoute()
            ? Reply.bytes(
                200,
                XmlWriters.gpx(track, call.flag("includePauseTimes"))
                    .getBytes(StandardCharsets.UTF_8),
                "application/gpx+xml")
            : Reply.empty(204);
      case GET_TRANSACTION_EXERCISE_HEART_RATE_ZONES ->
        track.heartRate == null
            ? Reply.empty(204)
            : Reply.json(200, Json.obj().put("zone", ExerciseViews.zones(track)).build());
      case GET_TRANSACTION_EXERCISE_SAMPLES -> {
        JsonArray urls = Json.arr();
        for (int type : ExerciseViews.sampleTypes(track)) {
          urls.add(itemUrl + "/samples/" + type);
        }
        yield Reply.json(200, Json.obj().put("samples", urls).build());
      }
      case GET_TRANSACTION_EXERCISE_SAMPLE -> {
        JsonObject sample = null;
        try {
          sample = ExerciseViews.sample(track, Integer.parseInt(call.param("type-id")));
        } catch (NumberFormatException ex) {
          // unknown type: no data
        }
        yield sample == null ? Reply.empty(204) : Reply.json(200, sample);
      }
      default -> throw new IllegalStateException("not a transaction route: " + route);
    };
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
