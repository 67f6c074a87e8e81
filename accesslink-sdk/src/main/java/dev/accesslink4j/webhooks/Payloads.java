package dev.accesslink4j.webhooks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.accesslink4j.errors.WebhookPayloadException;
import dev.accesslink4j.internal.JavaTimeAdapters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads webhook bodies: strictly once verified, and only far enough to recognise a PING when not. */
final class Payloads {
  static final String PING = "PING";

  private static final Gson GSON = JavaTimeAdapters.register(new GsonBuilder()).create();
  private static final TypeAdapter<JsonElement> TREE = GSON.getAdapter(JsonElement.class);
  private static final TypeAdapter<OffsetDateTime> DATE_TIME =
      GSON.getAdapter(OffsetDateTime.class);

  private Payloads() {}

  /** What an unverified body says about itself: only enough to recognise a ping. */
  record Peek(@Nullable String event, @Nullable Instant timestamp) {
    static final Peek NOTHING = new Peek(null, null);
  }

  /**
   * Reads the top-level {@code event} and {@code timestamp} of a body that has not been verified, skipping every
   * other value without building it. Never throws: anything unreadable gives {@link Peek#NOTHING} or a partial peek.
   */
  static Peek peek(byte[] body) {
    String event = null;
    Instant timestamp = null;
    try (JsonReader reader = reader(body)) {
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        return Peek.NOTHING;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (name.equals("event") && reader.peek() == JsonToken.STRING) {
          event = reader.nextString();
        } else if (name.equals("timestamp") && reader.peek() == JsonToken.STRING) {
          timestamp = instantOrNull(reader.nextString());
        } else {
          reader.skipValue();
        }
      }
      return new Peek(event, timestamp);
    } catch (IOException | RuntimeException e) {
      return new Peek(event, timestamp);
    }
  }

  /**
   * Parses a verified body into its event.
   *
   * @param body the raw body, already verified
   * @param headerEvent the {@code Polar-Webhook-Event} header, used when the body names no event
   * @throws WebhookPayloadException when the body is not a payload this SDK understands
   */
  static WebhookEvent parseVerified(byte[] body, @Nullable String headerEvent) {
    boolean headerSaysPing = headerEvent != null && headerEvent.trim().equalsIgnoreCase(PING);
    JsonObject json;
    try {
      json = object(body);
    } catch (WebhookPayloadException e) {
      if (headerSaysPing) {
        return PingEvent.of(null, true);
      }
      throw e;
    }
    String event = optionalString(json, "event");
    if (event == null) {
      event = headerEvent == null || headerEvent.isBlank() ? null : headerEvent.trim();
    }
    if (event == null) {
      throw new WebhookPayloadException(
          "it names no event type (no \"event\" field, no Polar-Webhook-Event header)");
    }
    if (event.equals(PING) || (headerSaysPing && event.equalsIgnoreCase(PING))) {
      return PingEvent.of(timestampOrNull(json), true);
    }
    try {
      return typed(event, json, new String(body, StandardCharsets.UTF_8));
    } catch (WebhookPayloadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new WebhookPayloadException(
          "a " + printable(event) + " event has an invalid value ("
              + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private static WebhookEvent typed(String event, JsonObject json, String raw) {
    switch (event) {
      case "EXERCISE":
        return new ExerciseEvent(
            userId(json), string(json, "entity_id"), timestamp(json), url(json));
      case "SLEEP":
        return new SleepEvent(userId(json), date(json, "date"), timestamp(json), url(json));
      case "CONTINUOUS_HEART_RATE":
        return new ContinuousHeartRateEvent(
            userId(json), date(json, "date"), timestamp(json), url(json));
      case "SLEEP_WISE_CIRCADIAN_BEDTIME":
        return new CircadianBedtimeEvent(
            userId(json), date(json, "from"), date(json, "to"), timestamp(json), url(json));
      case "SLEEP_WISE_ALERTNESS":
        return new AlertnessEvent(
            userId(json), date(json, "from"), date(json, "to"), timestamp(json), url(json));
      case "ACTIVITY_SUMMARY":
        return new ActivitySummaryEvent(
            userId(json), date(json, "date"), timestamp(json), url(json));
      case "PHYSICAL_INFORMATION":
        return new PhysicalInformationEvent(userId(json), timestamp(json), url(json));
      default:
        return new UnknownEvent(event, raw);
    }
  }

  /** The JSON of a verified body without its top-level {@code timestamp}, or the text itself if it is not JSON. */
  static String withoutTimestamp(String rawJson) {
    try {
      JsonObject json = object(rawJson.getBytes(StandardCharsets.UTF_8));
      json.remove("timestamp");
      return json.toString();
    } catch (WebhookPayloadException e) {
      return rawJson;
    }
  }

  private static JsonObject object(byte[] body) {
    if (body.length == 0) {
      throw new WebhookPayloadException("the body is empty");
    }
    JsonElement tree;
    try (JsonReader reader = reader(body)) {
      tree = TREE.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new WebhookPayloadException("there is content after the JSON value");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof WebhookPayloadException w) {
        throw w;
      }
      throw new WebhookPayloadException("it is not valid JSON", e);
    }
    if (tree == null || !tree.isJsonObject()) {
      throw new WebhookPayloadException("it is not a JSON object");
    }
    return tree.getAsJsonObject();
  }

  private static JsonReader reader(byte[] body) {
    JsonReader reader = new JsonReader(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    reader.setStrictness(Strictness.STRICT);
    return reader;
  }

  private static long userId(JsonObject json) {
    JsonPrimitive value = primitive(json, "user_id");
    try {
      return new BigDecimal(value.getAsString().trim()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new WebhookPayloadException("\"user_id\" is not an integer", e);
    }
  }

  private static String string(JsonObject json, String field) {
    String value = primitive(json, field).getAsString();
    if (value.isBlank()) {
      throw new WebhookPayloadException("\"" + field + "\" is blank");
    }
    return value;
  }

  private static LocalDate date(JsonObject json, String field) {
    try {
      return LocalDate.parse(primitive(json, field).getAsString().trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new WebhookPayloadException("\"" + field + "\" is not a YYYY-MM-DD date", e);
    }
  }

  private static Instant timestamp(JsonObject json) {
    Instant instant = instantOrNull(primitive(json, "timestamp").getAsString());
    if (instant == null) {
      throw new WebhookPayloadException("\"timestamp\" is not an ISO-8601 date-time");
    }
    return instant;
  }

  private static @Nullable Instant timestampOrNull(JsonObject json) {
    String text = optionalString(json, "timestamp");
    return text == null ? null : instantOrNull(text);
  }

  private static @Nullable Instant instantOrNull(String text) {
    try {
      OffsetDateTime parsed = DATE_TIME.fromJsonTree(new JsonPrimitive(text));
      return parsed == null ? null : parsed.toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static URI url(JsonObject json) {
    String text = string(json, "url");
    try {
      URI uri = new URI(text.trim());
      if (!uri.isAbsolute()) {
        throw new WebhookPayloadException("\"url\" is not an absolute URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new WebhookPayloadException("\"url\" is not a URL", e);
    }
  }

  private static JsonPrimitive primitive(JsonObject json, String field) {
    JsonElement value = json.get(field);
    if (value == null || value.isJsonNull()) {
      throw new WebhookPayloadException("\"" + field + "\" is missing");
    }
    if (!value.isJsonPrimitive()) {
      throw new WebhookPayloadException("\"" + field + "\" is not a string or number");
    }
    return value.getAsJsonPrimitive();
  }

  private static @Nullable String optionalString(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value != null
            && value.isJsonPrimitive()
            && value.getAsJsonPrimitive().isString()
        ? value.getAsString()
        : null;
  }

  /** An event type fit for a message: known types as they are, anything else reduced to "an unknown". */
  private static String printable(String event) {
    String upper = event.toUpperCase(Locale.ROOT);
    return upper.matches("[A-Z_]{1,40}") ? upper : "unnamed";
  }
}
