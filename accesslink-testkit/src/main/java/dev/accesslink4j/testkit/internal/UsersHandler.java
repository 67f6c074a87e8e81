package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.accesslink4j.testkit.Route;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * User registration, read and deletion, and the pull notifications. Called with the engine's lock held. A second
 * registration, or a member id another registered user has, answers 409 with AccessLink's {@code error} body, as
 * the OpenAPI document's {@code registerUser} 409 declares; like Polar, it does not say which of the two it was.
 */
final class UsersHandler {
  private static final Pattern XML_MEMBER_ID =
      Pattern.compile("<member-id>\\s*([^<]*?)\\s*</member-id>");

  private final Engine engine;

  UsersHandler(Engine engine) {
    this.engine = engine;
  }

  Reply handle(Route route, Call call) {
    return switch (route) {
      case REGISTER_USER -> register(call);
      case GET_USER -> getUser(call);
      case DELETE_USER -> deleteUser(call);
      case LIST_NOTIFICATIONS -> notifications(call);
      default -> throw new IllegalStateException("not a users route: " + route);
    };
  }

  private Reply register(Call call) {
    Account a = engine.auth.user(call);
    String memberId = memberId(call);
    if (memberId == null || memberId.isBlank()) {
      return engine.error(400, "member-id is required");
    }
    if (a.registered()) {
      return engine.error(
          409, "User already registered to this client or member-id already in use");
    }
    for (Account other : engine.accounts.values()) {
      if (other.registered() && memberId.equals(other.memberId)) {
        return engine.error(
            409, "User already registered to this client or member-id already in use");
      }
    }
    engine.register(a, memberId);
    return Reply.json(200, HealthViews.user(a));
  }

  private static @Nullable String memberId(Call call) {
    String text = call.text().trim();
    if (text.startsWith("<")) {
      Matcher m = XML_MEMBER_ID.matcher(text);
      return m.find() ? m.group(1) : null;
    }
    JsonObject o = Json.parseObject(text).orElse(null);
    if (o == null || !o.has("member-id") || !o.get("member-id").isJsonPrimitive()) {
      return null;
    }
    return o.get("member-id").getAsString();
  }

  private Reply getUser(Call call) {
    Account a = engine.auth.user(call);
    engine.auth.samePathUser(call, a);
    return a.registered() ? Reply.json(200, HealthViews.user(a)) : Reply.empty(204);
  }

  private Reply deleteUser(Call call) {
    Account a = engine.auth.bearer(call);
    engine.auth.samePathUser(call, a);
    engine.deregister(a);
    return Reply.empty(204);
  }

  // ---------------------------------------------------------------- notifications

  private Reply notifications(Call call) {
    engine.auth.basic(call);
    JsonArray list = Json.arr();
    for (Account a : engine.accounts.values()) {
      if (!a.registered()) {
        continue;
      }
      add(list, a, TransactionKind.EXERCISE, !a.pendingExercises.isEmpty());
      add(list, a, TransactionKind.ACTIVITY, !a.pendingActivities.isEmpty());
      add(list, a, TransactionKind.PHYSICAL, !a.pendingPhysical.isEmpty());
    }
    if (list.isEmpty()) {
      return Reply.empty(204);
    }
    return Reply.json(200, Json.obj().put("available-user-data", list).build());
  }

  private void add(JsonArray list, Account a, TransactionKind kind, boolean pending) {
    if (pending) {
      list.add(Json.obj()
          .put("user-id", a.id)
          .put("data-type", kind.dataType)
          .put("url", engine.userUrl(a.id) + "/" + kind.segment)
          .build());
    }
  }
}
