package dev.accesslink4j.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.RateLimit;
import dev.accesslink4j.errors.BadRequestException;
import dev.accesslink4j.errors.ConflictException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.ServiceException;
import dev.accesslink4j.errors.ServiceException.ErrorDetails;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.errors.UnexpectedStatusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Turns an error response into the {@link ServiceException} subclass for its status, reading Polar's error body in
 * either shape seen in practice: flat camelCase ({@code errorType}, {@code corrId}) or wrapped snake_case
 * ({@code {"error": {"error_type", "corr_id"}}}).
 */
public final class ErrorMapper {
  static final long MAX_ERROR_BODY = 16 * 1024;

  private ErrorMapper() {}

  /**
   * Builds the exception for an error response, consuming (and closing) its body.
   *
   * @param status the HTTP status
   * @param method the request method
   * @param path the request path without query
   * @param headers the response headers
   * @param body the error body, if any
   * @return the exception to throw
   */
  public static ServiceException map(
      int status, String method, String path, Headers headers, @Nullable ResponseBody body) {
    String text = readSafely(body);
    ErrorDetails details = details(status, method, path, headers, text);
    return switch (status) {
      case 400 -> new BadRequestException(details);
      case 401 -> new UnauthorizedException(details);
      case 403 -> new ConsentRequiredException(details);
      case 404 -> new NotFoundException(details);
      case 409 -> new ConflictException(details);
      case 429 -> new RateLimitException(details);
      default ->
        status >= 500 && status <= 599
            ? new ServerException(details)
            : new UnexpectedStatusException(details);
    };
  }

  static ErrorDetails details(
      int status, String method, String path, Headers headers, String text) {
    String errorType = null;
    String message = null;
    String corrId = null;
    JsonObject json = parseObject(text);
    if (json != null) {
      JsonObject fields = json;
      if (json.has("error") && json.get("error").isJsonObject()) {
        fields = json.getAsJsonObject("error");
      }
      errorType = firstString(fields, "errorType", "error_type");
      message = firstString(fields, "message");
      corrId = firstString(fields, "corrId", "corr_id");
      if (errorType == null && json.has("error") && json.get("error").isJsonPrimitive()) {
        errorType = json.get("error").getAsString();
        message = firstString(json, "error_description");
      }
    }
    // ErrorDetails escapes control characters in every text it keeps, so neither Polar's message
    // nor the snippet
    // reaches an exception's message or accessors raw.
    return ErrorDetails.of(status, method, path)
        .withErrorType(errorType == null ? null : Redaction.snippet(errorType))
        .withPolarMessage(message == null ? null : Redaction.snippet(message))
        .withCorrelationId(corrId == null ? null : Redaction.snippet(corrId))
        .withRateLimit(rateLimit(headers))
        .withBodySnippet(Redaction.snippet(text));
  }

  /**
   * The rate-limit state an answer's headers report.
   *
   * @param headers the response headers
   * @return the state, or null when the headers are missing or unreadable
   */
  static @Nullable RateLimit rateLimit(Headers headers) {
    return RateLimit.parse(
            headers.get("RateLimit-Usage"),
            headers.get("RateLimit-Limit"),
            headers.get("RateLimit-Reset"))
        .orElse(null);
  }

  private static @Nullable JsonObject parseObject(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(text);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static @Nullable String firstString(JsonObject object, String... names) {
    for (String name : names) {
      JsonElement value = object.get(name);
      if (value != null && value.isJsonPrimitive()) {
        return value.getAsString();
      }
    }
    return null;
  }

  private static String readSafely(@Nullable ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      var source = body.source();
      source.request(MAX_ERROR_BODY);
      long available = Math.min(source.getBuffer().size(), MAX_ERROR_BODY);
      return source.getBuffer().readString(available, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
