package dev.accesslink4j.internal;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Retrofit converters over Gson that stream the body and turn every parse failure (malformed JSON, HTML, an empty
 * body, a truncated body, a value of the wrong type) into a {@link MalformedBodyException} carrying the start of
 * the body, instead of a silent null or a raw Gson exception.
 */
public final class JsonConverterFactory extends Converter.Factory {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
  private static final int HEAD_BYTES = 512;
  private final Gson gson;

  /**
   * Creates the factory.
   *
   * @param gson the configured Gson
   */
  public JsonConverterFactory(Gson gson) {
    this.gson = gson;
  }

  @Override
  public @Nullable Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    TypeAdapter<?> adapter = gson.getAdapter(TypeToken.get(type));
    return body -> read(adapter, body);
  }

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    // Gson#toJson honours the Gson's settings (nulls left out), unlike TypeAdapter#toJson: an unset
    // optional field
    // must be absent from a PATCH body, not sent as null.
    return value -> RequestBody.create(gson.toJson(value, type), JSON);
  }

  private static Object read(TypeAdapter<?> adapter, ResponseBody body) throws IOException {
    HeadCapture head = new HeadCapture(body.source());
    JsonReader reader = new JsonReader(
        new InputStreamReader(Okio.buffer(head).inputStream(), StandardCharsets.UTF_8));
    try (body;
        reader) {
      // Failures are classified inside the try: closing the reader would lose the JSON path of the
      // failure.
      try {
        Object value = adapter.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
          throw new MalformedBodyException(
              "the body has content after the JSON value", head.text());
        }
        return value;
      } catch (MalformedBodyException e) {
        throw e;
      } catch (EOFException e) {
        throw new MalformedBodyException(
            head.text().isBlank()
                ? "the body is empty where JSON was expected"
                : "the JSON body is cut short" + at(reader),
            head.text());
      } catch (MalformedJsonException e) {
        // Gson reports a string cut off by the end of the body as "Unterminated string"; anything
        // else is syntax.
        String message = String.valueOf(e.getMessage());
        boolean cutShort =
            message.startsWith("Unterminated string") || message.startsWith("Unterminated escape");
        throw new MalformedBodyException(
            (cutShort ? "the JSON body is cut short" : "the body is not valid JSON") + at(reader),
            head.text());
      } catch (IOException e) {
        throw e; // the network failed while the body streamed in: the Transport reports it as I/O
      } catch (RuntimeException e) {
        IOException network = networkCause(e);
        if (network != null) {
          throw network;
        }
        // Gson's messages (and their causes') quote the offending value, which may be anything the
        // server sent:
        // keep only the JSON path, never the value, and do not chain the exception.
        throw new MalformedBodyException(
            "the body does not match the expected JSON shape" + at(reader), head.text());
      }
    }
  }

  private static String at(JsonReader reader) {
    try {
      return " at " + reader.getPath();
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** An I/O failure of the network that Gson wrapped in one of its runtime exceptions. */
  private static @Nullable IOException networkCause(RuntimeException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException io
          && !(io instanceof MalformedJsonException)
          && !(io instanceof EOFException)) {
        return io;
      }
    }
    return null;
  }

  /** Copies the first bytes read through it, so a parse failure can show where the body went wrong. */
  private static final class HeadCapture extends ForwardingSource {
    private final Buffer head = new Buffer();

    HeadCapture(Source delegate) {
      super(delegate);
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long before = sink.size();
      long read = super.read(sink, byteCount);
      if (read > 0 && head.size() < HEAD_BYTES) {
        long take = Math.min(read, HEAD_BYTES - head.size());
        sink.copyTo(head, before, take);
      }
      return read;
    }

    String text() {
      return head.clone().readUtf8();
    }
  }
}
