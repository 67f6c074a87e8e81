package dev.accesslink4j.services;

import dev.accesslink4j.AccessLinkBuilder;
import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.api.ExercisesApi;
import dev.accesslink4j.generated.model.TrainingSession;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.internal.Downloads;
import dev.accesslink4j.internal.FileKind;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * Training sessions uploaded to Flow in the last 30 days (after registration), with their FIT, TCX and GPX files.
 *
 * <p>Window: AccessLink serves only sessions uploaded to Polar Flow in the last 30 days <em>and</em> after the user
 * was registered with this client; older sessions cannot be fetched at all, so store what you need as soon as you
 * see it. Manual diary entries made on the Flow web site are not served. Nothing here is transactional: reading a
 * session never removes it.
 *
 * <p>Sessions are addressed by their hashed string id ({@link TrainingSession#getId()}, or a webhook's
 * {@code entity_id}), not by the integer id of the deprecated exercise transactions.
 *
 * <p>"No data": {@link #list()} returns an empty list; {@link #get(String)} returns an empty {@code Optional} for an
 * id AccessLink does not know (HTTP 404: outside the window, not this user's, or never existed). The file downloads
 * cannot return "nothing" into a file or stream, so for them a 404 is a {@link NotFoundException}.
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link RateLimitException} (429), {@link ServerException} (5xx), {@link AccessLinkIOException} (network failure or
 * timeout) and {@link InvalidResponseException} (an unreadable body). Reads are retried by the client's
 * {@link RetryPolicy}.
 *
 * <p>Downloads are verified before they count as done: a FIT file's header, declared data size and CRCs, a TCX or GPX
 * file's XML well-formedness and root element (after decompression), all checked while the body streams, in constant
 * memory. A body that arrived complete but fails the check is an {@link InvalidResponseException} naming the file
 * kind and the defect (for example {@code FIT data size 48213 declared, 20000 received}); a body that broke off,
 * shorter than its {@code Content-Length} included, is an {@link AccessLinkIOException}. A download to a file writes
 * a temporary file beside the target, forces it and its folder to the disk, and moves it into place only when
 * verified; it is started again when the body breaks off (as the policy allows) and once when it arrived damaged,
 * and leaves nothing behind when it fails. A download to a stream is never repeated: on failure the stream holds
 * what arrived, to be discarded. Downloads have the read timeout and the optional
 * {@linkplain AccessLinkBuilder#downloadTimeout(java.time.Duration) download timeout}, never the call timeout.
 *
 * <p>Every method that takes an id throws {@link IllegalArgumentException} when it is blank, before any request.
 */
public final class ExercisesService {
  private final HttpStack http;
  private final ExercisesApi api;

  /**
   * Creates the service. Applications get it from {@link UserClient#exercises()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public ExercisesService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(ExercisesApi.class);
  }

  /**
   * Lists the user's training sessions of the last 30 days, summaries only ({@code GET /v3/exercises}).
   *
   * @return the sessions; an empty list when there are none in the window
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<TrainingSession> list() {
    return list(ExerciseQuery.none());
  }

  /**
   * Lists the user's training sessions of the last 30 days with the optional parts the query asks for
   * ({@code GET /v3/exercises?samples=true&zones=true&route=true}).
   *
   * @param query which of samples, heart-rate zones and route to include
   * @return the sessions; an empty list when there are none in the window
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<TrainingSession> list(ExerciseQuery query) {
    Objects.requireNonNull(query, "query");
    return Calls.list(
        http.transport(),
        api.listExercises(
            Calls.flag(query.samples()), Calls.flag(query.zones()), Calls.flag(query.route())));
  }

  /**
   * Reads one training session, summary only ({@code GET /v3/exercises/{id}}).
   *
   * @param exerciseId the hashed session id, from {@link #list()} or an {@code EXERCISE} webhook
   * @return the session, or empty when AccessLink answers 404: the id is unknown, not this user's, or the session
   *     was uploaded more than 30 days ago or before the user was registered
   * @throws IllegalArgumentException if the id is blank
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<TrainingSession> get(String exerciseId) {
    return get(exerciseId, ExerciseQuery.none());
  }

  /**
   * Reads one training session with the optional parts the query asks for ({@code GET /v3/exercises/{id}}).
   *
   * @param exerciseId the hashed session id, from {@link #list()} or an {@code EXERCISE} webhook
   * @param query which of samples, heart-rate zones and route to include
   * @return the session, or empty when AccessLink answers 404: the id is unknown, not this user's, or the session
   *     was uploaded more than 30 days ago or before the user was registered
   * @throws IllegalArgumentException if the id is blank
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<TrainingSession> get(String exerciseId, ExerciseQuery query) {
    requireId(exerciseId);
    Objects.requireNonNull(query, "query");
    return Calls.optionalOr404(
        http.transport(),
        api.getExercise(
            exerciseId,
            Calls.flag(query.samples()),
            Calls.flag(query.zones()),
            Calls.flag(query.route())));
  }

  /**
   * Streams the session's FIT file ({@code GET /v3/exercises/{id}/fit}) into a stream, exactly as AccessLink sends
   * it. FIT is the richest format (laps, all recorded fields).
   *
   * @param exerciseId the hashed session id
   * @param out where to write; not closed. On failure it holds a partial or damaged file: discard it
   * @return the number of bytes written
   * @throws NotFoundException if AccessLink has no such session (404: unknown id or outside the 30-day window)
   * @throws InvalidResponseException if the FIT header, declared data size or a CRC is wrong; the other failures
   *     are those of every call (see the class description)
   */
  public long fit(String exerciseId, OutputStream out) {
    return copy(api.getExerciseFit(requireId(exerciseId)), out, FileKind.FIT);
  }

  /**
   * Downloads the session's FIT file ({@code GET /v3/exercises/{id}/fit}) to a file: a hidden temporary file beside
   * {@code target}, forced to the disk and moved into place only when the whole file has arrived and passed the FIT
   * checks; the folder is then forced to the disk too. On any failure the temporary file is deleted and
   * {@code target} is left untouched.
   *
   * @param exerciseId the hashed session id
   * @param target the file to create or replace (missing parent directories are created)
   * @return {@code target}
   * @throws NotFoundException if AccessLink has no such session (404)
   * @throws InvalidResponseException if the body is not a whole, valid FIT file twice in a row (once when the retry
   *     policy allows no retries)
   */
  public Path fit(String exerciseId, Path target) {
    return write(api.getExerciseFit(requireId(exerciseId)), target, FileKind.FIT);
  }

  /**
   * Streams the session's TCX (Training Center XML) file ({@code GET /v3/exercises/{id}/tcx}) into a stream as plain
   * XML: Polar describes the file as "gzipped TCX", so a body that arrives gzip-compressed (with or without a
   * {@code Content-Encoding} header) is decompressed on the way.
   *
   * @param exerciseId the hashed session id
   * @param out where to write; not closed. On failure it holds a partial or damaged document: discard it
   * @return the number of decompressed bytes written
   * @throws NotFoundException if AccessLink has no such session (404)
   * @throws InvalidResponseException if the body is not one whole, well-formed TCX document
   */
  public long tcx(String exerciseId, OutputStream out) {
    return copy(api.getExerciseTcx(requireId(exerciseId)), out, FileKind.TCX);
  }

  /**
   * Downloads the session's TCX file ({@code GET /v3/exercises/{id}/tcx}) to a file as plain XML, atomically and
   * verified like {@link #fit(String, Path)}.
   *
   * @param exerciseId the hashed session id
   * @param target the file to create or replace
   * @return {@code target}
   * @throws NotFoundException if AccessLink has no such session (404)
   * @throws InvalidResponseException if the body is not a well-formed TCX document (twice in a row when retried)
   */
  public Path tcx(String exerciseId, Path target) {
    return write(api.getExerciseTcx(requireId(exerciseId)), target, FileKind.TCX);
  }

  /**
   * Streams the session's route as a GPX file ({@code GET /v3/exercises/{id}/gpx}) into a stream; decompressed if it
   * ever arrives gzip-compressed (GPX is XML, which never starts with the gzip magic bytes). Polar does not document
   * the answer for a session without a route ({@code has_route} false): check {@link TrainingSession#getHasRoute()}
   * first.
   *
   * @param exerciseId the hashed session id
   * @param out where to write; not closed. On failure it holds a partial or damaged route: discard it
   * @return the number of bytes written
   * @throws NotFoundException if AccessLink has no such session (404)
   * @throws InvalidResponseException if the body is not one whole, well-formed GPX document
   */
  public long gpx(String exerciseId, OutputStream out) {
    return copy(api.getExerciseGpx(requireId(exerciseId)), out, FileKind.GPX);
  }

  /**
   * Downloads the session's route as a GPX file ({@code GET /v3/exercises/{id}/gpx}), atomically and verified like
   * {@link #fit(String, Path)}.
   *
   * @param exerciseId the hashed session id
   * @param target the file to create or replace
   * @return {@code target}
   * @throws NotFoundException if AccessLink has no such session (404)
   * @throws InvalidResponseException if the body is not a well-formed GPX document (twice in a row when retried)
   */
  public Path gpx(String exerciseId, Path target) {
    return write(api.getExerciseGpx(requireId(exerciseId)), target, FileKind.GPX);
  }

  private long copy(Call<ResponseBody> call, OutputStream out, FileKind kind) {
    Objects.requireNonNull(out, "out");
    String what = describe(call);
    // Bytes already written to the caller's stream cannot be taken back, so this download is never
    // repeated.
    return http.transport().download(call, false, (attempt, deadline) -> {
      ApiResponse<ResponseBody> response = http.transport().open(attempt, deadline);
      return Downloads.copy(fileOf(response, attempt), response.status(), kind, out, what);
    });
  }

  private Path write(Call<ResponseBody> call, Path target, FileKind kind) {
    Objects.requireNonNull(target, "target");
    String what = describe(call);
    // A failed attempt leaves no file behind, so the whole download is safe to start again.
    return http.transport().download(call, true, (attempt, deadline) -> {
      ApiResponse<ResponseBody> response = http.transport().open(attempt, deadline);
      return Downloads.toFile(
          fileOf(response, attempt), response.status(), kind, target, what, http.partFiles());
    });
  }

  /** The file of a download's answer; a 2xx without one (a 204) is no answer to a file request. */
  private static ResponseBody fileOf(ApiResponse<ResponseBody> response, Call<ResponseBody> call) {
    return response
        .body()
        .orElseThrow(() -> new InvalidResponseException(
            describe(call) + " answered HTTP " + response.status() + " without a file",
            response.status(),
            "",
            null));
  }

  private static String describe(Call<ResponseBody> call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }

  private static String requireId(String exerciseId) {
    Objects.requireNonNull(exerciseId, "exerciseId");
    if (exerciseId.isBlank()) {
      throw new IllegalArgumentException("exerciseId must not be blank");
    }
    return exerciseId;
  }
}
