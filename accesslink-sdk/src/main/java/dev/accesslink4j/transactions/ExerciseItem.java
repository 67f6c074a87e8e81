package dev.accesslink4j.transactions;

import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.TransactionGoneException;
import dev.accesslink4j.generated.api.ExerciseTransactionsApi;
import dev.accesslink4j.generated.model.Exercise;
import dev.accesslink4j.generated.model.HeartRateZones;
import dev.accesslink4j.generated.model.SampleSeries;
import dev.accesslink4j.generated.model.SampleSeriesUrls;
import dev.accesslink4j.internal.FileKind;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * One training session of an open exercise transaction: its summary, fetched already, and lazy access to its FIT,
 * TCX and GPX files, heart-rate zones and samples. Each lazy method sends one request (retried on network failures
 * and 5xx) and works only while the transaction is open: after the commit AccessLink deletes the session, and these
 * methods throw {@link IllegalStateException}. Read everything you need inside your handler. Its {@link #id()} is the
 * session's integer id within the transactional API, not the hashed string id of the non-transactional
 * {@code /v3/exercises} API.
 *
 * <p>Lazy methods return empty for AccessLink's 204 "no data" and throw {@link TransactionGoneException} for a 404
 * (the transaction no longer exists), or the usual {@link AccessLinkException} subclasses.
 *
 * <p>File downloads are verified before they return, while they stream: a FIT file's header, declared data size and
 * CRCs, a TCX or GPX file's XML well-formedness (after decompression). A file that arrived complete but damaged
 * throws {@link InvalidResponseException} naming the kind and the defect; thrown out of your handler, it stops the
 * transaction loop without a commit, so the next run gets the session again. A download to a {@code Path} is forced
 * to the disk with its folder before it returns, leaves nothing behind when it fails, and is fetched once more after a
 * damaged answer; a download to a stream leaves what arrived in the stream, to be discarded.
 */
@SuppressWarnings(
    "deprecation") // the transactional exercise API is deprecated by Polar, and used deliberately
public final class ExerciseItem extends TransactionItem<Exercise> {
  private final ExerciseTransactionsApi api;

  ExerciseItem(
      TransactionContext ctx, ExerciseTransactionsApi api, long id, URI url, Exercise summary) {
    super(ctx, id, url, summary);
    this.api = api;
  }

  /**
   * Streams the session's FIT file into a stream.
   *
   * @param out where to write; not closed (on failure it holds a partial or damaged file: discard it)
   * @return the number of bytes written, or empty when AccessLink has no FIT file for the session (204)
   * @throws InvalidResponseException if the body is not a whole FIT file (header, data size or CRC wrong)
   */
  public OptionalLong downloadFit(OutputStream out) {
    return download(fit(), out, FileKind.FIT);
  }

  /**
   * Writes the session's FIT file to a file, atomically (a temporary file beside it, forced to the disk and moved
   * into place when complete and verified; deleted on failure).
   *
   * @param target the file to create or replace
   * @return the target, or empty when AccessLink has no FIT file for the session (204; nothing is written)
   * @throws InvalidResponseException if the body is not a whole FIT file (twice in a row when retries are enabled)
   */
  public Optional<Path> downloadFit(Path target) {
    return download(fit(), target, FileKind.FIT);
  }

  /**
   * Streams the session's TCX file into a stream as plain XML: Polar describes the body as gzipped, so a body that
   * starts with the gzip magic bytes is decompressed on the way.
   *
   * @param out where to write; not closed (on failure it holds a partial or damaged file: discard it)
   * @return the number of (decompressed) bytes written, or empty when there is no TCX file (204)
   * @throws InvalidResponseException if the body is not one well-formed TCX document
   */
  public OptionalLong downloadTcx(OutputStream out) {
    return download(tcx(), out, FileKind.TCX);
  }

  /**
   * Writes the session's TCX file to a file as plain XML (decompressed when gzipped), atomically and verified.
   *
   * @param target the file to create or replace
   * @return the target, or empty when there is no TCX file (204; nothing is written)
   * @throws InvalidResponseException if the body is not one well-formed TCX document (twice in a row when retries
   *     are enabled)
   */
  public Optional<Path> downloadTcx(Path target) {
    return download(tcx(), target, FileKind.TCX);
  }

  /**
   * Streams the session's route as GPX into a stream, without pause times.
   *
   * @param out where to write; not closed
   * @return the number of bytes written, or empty when the session has no route (204)
   */
  public OptionalLong downloadGpx(OutputStream out) {
    return downloadGpx(out, false);
  }

  /**
   * Streams the session's route as GPX into a stream.
   *
   * @param out where to write; not closed
   * @param includePauseTimes whether pauses are kept as part of the route
   * @return the number of bytes written, or empty when the session has no route (204)
   */
  public OptionalLong downloadGpx(OutputStream out, boolean includePauseTimes) {
    return download(gpx(includePauseTimes), out, FileKind.GPX);
  }

  /**
   * Writes the session's route as GPX to a file, atomically, without pause times.
   *
   * @param target the file to create or replace
   * @return the target, or empty when the session has no route (204; nothing is written)
   */
  public Optional<Path> downloadGpx(Path target) {
    return downloadGpx(target, false);
  }

  /**
   * Writes the session's route as GPX to a file, atomically.
   *
   * @param target the file to create or replace
   * @param includePauseTimes whether pauses are kept as part of the route
   * @return the target, or empty when the session has no route (204; nothing is written)
   */
  public Optional<Path> downloadGpx(Path target, boolean includePauseTimes) {
    return download(gpx(includePauseTimes), target, FileKind.GPX);
  }

  private Call<ResponseBody> fit() {
    return api.getTransactionExerciseFit(userId(), transactionId(), id());
  }

  private Call<ResponseBody> tcx() {
    return api.getTransactionExerciseTcx(userId(), transactionId(), id());
  }

  private Call<ResponseBody> gpx(boolean includePauseTimes) {
    return api.getTransactionExerciseGpx(
        userId(), transactionId(), id(), includePauseTimes ? Boolean.TRUE : null);
  }

  /**
   * The time spent in each heart-rate zone, with the zones' bounds.
   *
   * @return the zones, or empty when AccessLink has no zone data for the session (204)
   */
  public Optional<HeartRateZones> heartRateZones() {
    return read(api.getTransactionExerciseHeartRateZones(userId(), transactionId(), id()));
  }

  /**
   * The sample types recorded in the session, as keys for {@link #sample(String)}: {@code "0"} heart rate (bpm),
   * {@code "1"} speed (km/h), {@code "2"} cadence (rpm), {@code "3"} altitude (m), {@code "4"} power (W), {@code "5"}
   * power pedaling index (%), {@code "6"} power left-right balance (%), {@code "7"} air pressure (hPa), {@code "8"}
   * running cadence (spm), {@code "9"} temperature (°C), {@code "10"} distance (m), {@code "11"} RR interval (ms).
   *
   * @return the keys in AccessLink's order; empty when the session has no samples (204)
   * @throws InvalidResponseException when a listed sample URL is not on the API origin or has another shape
   */
  public List<String> sampleTypes() {
    Call<SampleSeriesUrls> call =
        api.getTransactionExerciseSamples(userId(), transactionId(), id());
    String what = TransactionContext.describe(call.request());
    List<URI> urls = read(call).map(SampleSeriesUrls::getSamples).orElse(List.of());
    List<String> types = new ArrayList<>();
    for (URI url : urls) {
      try {
        if (url == null) {
          throw new IllegalArgumentException("it is null");
        }
        types.add(ItemUrls.sampleType(apiBase(), url, id()));
      } catch (IllegalArgumentException e) {
        throw ItemUrls.rejected(what, url, e);
      }
    }
    return List.copyOf(types);
  }

  /**
   * One sample series of the session: all values of one type as a comma-separated string (which may contain
   * {@code null} entries, for example in RR intervals).
   *
   * @param typeId the sample type key, {@code "0"} to {@code "11"} (see {@link #sampleTypes()})
   * @return the series, or empty when the session has no data of this type (204)
   */
  public Optional<SampleSeries> sample(String typeId) {
    Objects.requireNonNull(typeId, "typeId");
    if (!typeId.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(
          "a sample type is a decimal number such as \"0\", not \"" + typeId + "\"");
    }
    return read(api.getTransactionExerciseSample(userId(), transactionId(), id(), typeId));
  }

  /**
   * Every sample series of the session: {@link #sampleTypes()}, then {@link #sample(String)} for each (one request
   * per type).
   *
   * @return the series in AccessLink's order, without the types that answered 204; empty when there are none
   */
  public List<SampleSeries> samples() {
    List<SampleSeries> all = new ArrayList<>();
    for (String type : sampleTypes()) {
      sample(type).ifPresent(all::add);
    }
    return List.copyOf(all);
  }
}
