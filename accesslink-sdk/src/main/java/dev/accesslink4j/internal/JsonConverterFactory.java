package dev.accesslink4j.internal;

import com.google.gson.Gson;
import com.google.gson.JsonIOException;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
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
import okio.BufferedSource;
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
    @SuppressWarnings("unchecked")
    TypeAdapter<Object> adapter = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(type));
    return value -> RequestBody.create(adapter.toJson(value), JSON);
  }

  private static Object read(TypeAdapter<?> adapter, ResponseBody body) throws IOException {
    HeadCapture head = new HeadCapture(body.source());
    BufferedSource source = Okio.buffer(head);
    try (body;
        JsonReader reader =
            new JsonReader(new InputStreamReader(source.inputStream(), StandardCharsets.UTF_8))) {
      if (reader.peek() == JsonToken.END_DOCUMENT) {
        throw new MalformedBodyException("the body is empty where JSON was expected", "", null);
      }
      Object value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new MalformedBodyException("the body has content after the JSON value", head.text(), null);
      }
      return value;
    } catch (EOFException e) {
      throw new MalformedBodyException(
          head.size() == 0 ? "the body is empty where JSON was expected" : "the JSON body is cut short",
          head.text(),
          e);
    } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new MalformedBodyException(describe(e), head.text(), e);
    } catch (MalformedBodyException e) {
      throw e;
    } catch (IOException e) {
      if (e.getClass().getSimpleName().equals("MalformedJsonException")) {
        throw new MalformedBodyException("the body is not valid JSON", head.text(), e);
      }
      throw e;
    }
  }

  private static String describe(RuntimeException e) {
    if (e instanceof JsonIOException) {
      return "the body could not be read as JSON";
    }
    return "the body does not match the expected JSON shape";
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

    long size() {
      return head.size();
    }

    String text() {
      return head.clone().readUtf8();
    }
  }
}
