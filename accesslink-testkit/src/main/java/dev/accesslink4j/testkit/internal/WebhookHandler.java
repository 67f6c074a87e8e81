package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.accesslink4j.testkit.FakeWebhookEvent;
import dev.accesslink4j.testkit.Route;
import dev.accesslink4j.testkit.WebhookDelivery;
import dev.accesslink4j.webhooks.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one webhook a client may have, and the POSTs to it. Management calls PING the url with a real HTTP POST
 * before they take effect (create, a url change, activate) and need a 200 back. The lock is never held during a
 * POST, so a receiver may call the fake back while it answers.
 */
final class WebhookHandler {
  private static final EnumSet<FakeWebhookEvent.Type> TYPES =
      EnumSet.allOf(FakeWebhookEvent.Type.class);

  private final Engine engine;
  private final HttpClient http;

  WebhookHandler(Engine engine) {
    this.engine = engine;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(engine.config.webhookTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  Reply handle(Route route, Call call) {
    synchronized (engine.lock) {
      engine.auth.basic(call);
    }
    return switch (route) {
      case CREATE_WEBHOOK -> create(call);
      case GET_WEBHOOK -> get();
      case UPDATE_WEBHOOK -> update(call);
      case DELETE_WEBHOOK -> delete(call);
      case ACTIVATE_WEBHOOK -> activate();
      case DEACTIVATE_WEBHOOK -> deactivate();
      default -> throw new IllegalStateException("not a webhook route: " + route);
    };
  }

  private Reply create(Call call) {
    JsonObject body = Json.parseObject(call.text()).orElse(null);
    if (body == null) {
      return engine.error(400, "Body must be a JSON object with events and url");
    }
    List<String> events = events(body.get("events"));
    String url = url(body.get("url"));
    if (events == null || events.isEmpty()) {
      return engine.error(400, "events must be a non-empty array of " + TYPES);
    }
    if (url == null) {
      return engine.error(400, "url must be an absolute http or https URL");
    }
    String id;
    String secret;
    synchronized (engine.lock) {
      if (engine.webhook != null) {
        return engine.error(409, "Client already has a webhook");
      }
      id = engine.newWebhookId();
      secret = engine.newSecret();
    }
    if (!ping(url, secret)) {
      return engine.error(400, "Webhook url did not answer the PING with 200");
    }
    synchronized (engine.lock) {
      if (engine.webhook != null) {
        return engine.error(409, "Client already has a webhook");
      }
      engine.webhook = new Engine.Webhook(id, secret, events, url);
    }
    JsonObject data = Json.obj()
        .put("id", id)
        .put("events", array(events))
        .put("url", url)
        .put("signature_secret_key", secret)
        .build();
    return Reply.json(201, Json.obj().put("data", data).build());
  }

  private Reply get() {
    JsonArray data = Json.arr();
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w != null) {
        data.add(info(w));
      }
    }
    return Reply.json(200, Json.obj().put("data", data).build());
  }

  private static JsonObject info(Engine.Webhook w) {
    return Json.obj()
        .put("id", w.id)
        .put("events", array(w.events))
        .put("url", w.url)
        .put("active", w.active)
        .build();
  }

  private Reply update(Call call) {
    JsonObject body = Json.parseObject(call.text()).orElse(null);
    if (body == null) {
      return engine.error(400, "Body must be a JSON object");
    }
    List<String> events = body.has("events") ? events(body.get("events")) : null;
    if (body.has("events") && (events == null || events.isEmpty())) {
      return engine.error(400, "events must be a non-empty array of " + TYPES);
    }
    String url = body.has("url") ? url(body.get("url")) : null;
    if (body.has("url") && url == null) {
      return engine.error(400, "url must be an absolute http or https URL");
    }
    String secret;
    boolean newUrl;
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w == null || !w.id.equals(call.param("webhook-id"))) {
        return engine.error(404, "Webhook not found");
      }
      secret = w.secret;
      newUrl = url != null && !url.equals(w.url);
    }
    if (newUrl && !ping(url, secret)) {
      return engine.error(400, "Webhook url did not answer the PING with 200");
    }
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w == null || !w.id.equals(call.param("webhook-id"))) {
        return engine.error(404, "Webhook not found");
      }
      if (events != null) {
        w.events = events;
      }
      if (url != null) {
        w.url = url;
      }
      JsonArray data = Json.arr();
      data.add(info(w));
      return Reply.json(200, Json.obj().put("data", data).build());
    }
  }

  private Reply delete(Call call) {
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w == null || !w.id.equals(call.param("webhook-id"))) {
        return engine.error(404, "Webhook not found");
      }
      engine.webhook = null;
      return Reply.empty(204);
    }
  }

  private Reply activate() {
    String url;
    String secret;
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w == null) {
        return Reply.empty(204);
      }
      url = w.url;
      secret = w.secret;
    }
    if (!ping(url, secret)) {
      return engine.error(400, "Webhook url did not answer the PING with 200");
    }
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w == null) {
        return Reply.empty(204);
      }
      w.active = true;
    }
    return Reply.empty(200);
  }

  private Reply deactivate() {
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w == null) {
        return Reply.empty(204);
      }
      w.active = false;
    }
    return Reply.empty(200);
  }

  private static @Nullable List<String> events(@Nullable JsonElement e) {
    if (e == null || !e.isJsonArray()) {
      return null;
    }
    List<String> list = new ArrayList<>();
    for (JsonElement item : e.getAsJsonArray()) {
      if (!item.isJsonPrimitive()) {
        return null;
      }
      String name = item.getAsString();
      try {
        FakeWebhookEvent.Type.valueOf(name);
      } catch (IllegalArgumentException ex) {
        return null;
      }
      if (!list.contains(name)) {
        list.add(name);
      }
    }
    return List.copyOf(list);
  }

  private static @Nullable String url(@Nullable JsonElement e) {
    if (e == null || !e.isJsonPrimitive()) {
      return null;
    }
    String s = e.getAsString();
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        return null;
      }
      String lower = scheme.toLowerCase(Locale.ROOT);
      return lower.equals("http") || lower.equals("https") ? s : null;
    } catch (URISyntaxException ex) {
      return null;
    }
  }

  private static JsonArray array(List<String> values) {
    JsonArray arr = Json.arr();
    values.forEach(arr::add);
    return arr;
  }

  // ---------------------------------------------------------------- POSTs

  private boolean ping(String url, String secret) {
    String body = Json.write(Json.obj()
        .put("timestamp", Formats.utcMillis(engine.clock.instant()))
        .put("event", "PING")
        .build());
    return post(url, "PING", body, secret).delivered();
  }

  private WebhookDelivery post(String url, String event, String body, String secret) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSigner.of(secret).sign(bytes);
    int status;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .timeout(engine.config.webhookTimeout())
          .header("Content-Type", "application/json")
          .header("Polar-Webhook-Event", event)
          .header("Polar-Webhook-Signature", signature)
          .header("User-Agent", "accesslink-testkit")
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
          .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | IllegalArgumentException e) {
      status = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = -1;
    }
    WebhookDelivery delivery = new WebhookDelivery(event, url, body, signature, status);
    synchronized (engine.deliveries) {
      engine.deliveries.add(delivery);
    }
    return delivery;
  }

  /** Delivers an event; fails when there is no active webhook subscribed to its type. */
  WebhookDelivery deliver(FakeWebhookEvent event) {
    String url;
    String secret;
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w == null) {
        throw new IllegalStateException("No webhook: create one with POST /v3/webhooks first");
      }
      if (!w.active) {
        throw new IllegalStateException("The webhook is deactivated");
      }
      if (!w.events.contains(event.type().name())) {
        throw new IllegalStateException("The webhook is not subscribed to " + event.type());
      }
      url = w.url;
      secret = w.secret;
    }
    return post(url, event.type().name(), payload(event), secret);
  }

  /** Delivers if the option is on and an active webhook wants this type for a registered user; otherwise nothing. */
  void autoDeliver(
      Account a, FakeWebhookEvent.Type type, @Nullable String entityId, @Nullable LocalDate date) {
    if (!engine.config.autoDeliver()) {
      return;
    }
    String url;
    String secret;
    synchronized (engine.lock) {
      Engine.Webhook w = engine.webhook;
      if (w == null || !w.active || !w.events.contains(type.name()) || !a.registered()) {
        return;
      }
      url = w.url;
      secret = w.secret;
    }
    post(url, type.name(), payload(type, a.id, entityId, date, date, date), secret);
  }

  private String payload(FakeWebhookEvent e) {
    LocalDate date = e.date().orElse(null);
    return payload(
        e.type(),
        e.userId(),
        e.entityId().orElse(null),
        date,
        e.from().orElse(null),
        e.to().orElse(null));
  }

  private String payload(
      FakeWebhookEvent.Type type,
      long userId,
      @Nullable String entityId,
      @Nullable LocalDate date,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    String base = engine.baseUrl();
    Json.Obj o = Json.obj().put("event", type.name()).put("user_id", userId);
    String url;
    switch (type) {
      case EXERCISE -> {
        o.put("entity_id", entityId);
        url = base + "v3/exercises/" + entityId;
      }
      case SLEEP -> {
        o.put("date", String.valueOf(date));
        url = base + "v3/users/sleep/" + date;
      }
      case CONTINUOUS_HEART_RATE -> {
        o.put("date", String.valueOf(date));
        url = base + "v3/users/continuous-heart-rate/" + date;
      }
      case ACTIVITY_SUMMARY -> {
        o.put("date", String.valueOf(date));
        url = base + "v3/users/activities/" + date;
      }
      case SLEEP_WISE_ALERTNESS -> {
        o.put("from", String.valueOf(from)).put("to", String.valueOf(to));
        url = base + "v3/users/sleepwise/alertness/date?from=" + from + "&to=" + to;
      }
      case SLEEP_WISE_CIRCADIAN_BEDTIME -> {
        o.put("from", String.valueOf(from)).put("to", String.valueOf(to));
        url = base + "v3/users/sleepwise/circadian-bedtime/date?from=" + from + "&to=" + to;
      }
      default -> url = base + "v3/users/physical-info";
    }
    o.put("timestamp", Formats.utcSeconds(engine.clock.instant())).put("url", url);
    return Json.write(o.build());
  }
}
