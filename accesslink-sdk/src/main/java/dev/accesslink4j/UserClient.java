package dev.accesslink4j;

import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.RawCalls;
import dev.accesslink4j.internal.ServiceContext;
import dev.accesslink4j.services.BiosensingService;
import dev.accesslink4j.services.CardioLoadService;
import dev.accesslink4j.services.ContinuousHeartRateService;
import dev.accesslink4j.services.DailyActivityService;
import dev.accesslink4j.services.ExercisesService;
import dev.accesslink4j.services.NightlyRechargeService;
import dev.accesslink4j.services.PhysicalInfoService;
import dev.accesslink4j.services.SleepService;
import dev.accesslink4j.services.SleepWiseService;
import dev.accesslink4j.services.UsersService;
import dev.accesslink4j.transactions.TransactionsService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * One linked user's view of AccessLink, authenticated with their access token. Created by
 * {@link AccessLink#user(AccessToken)}; cheap, immutable and thread-safe, sharing the client's connection pool.
 */
public final class UserClient {
  private final ServiceContext context;
  private final AccessToken token;
  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

  UserClient(HttpStack http, Retrofit retrofit, AccessToken token) {
    this.context = new ServiceContext(http, retrofit);
    this.token = token;
  }

  /**
   * The token this view authenticates with.
   *
   * @return the token
   */
  public AccessToken token() {
    return token;
  }

  /**
   * Register, read and de-register this user.
   *
   * @return the service
   */
  public UsersService users() {
    return service(UsersService.class, () -> new UsersService(context, token));
  }

  /**
   * Training sessions of the last 30 days and their FIT, TCX and GPX files.
   *
   * @return the service
   */
  public ExercisesService exercises() {
    return service(ExercisesService.class, () -> new ExercisesService(context));
  }

  /**
   * Daily activity summaries and samples.
   *
   * @return the service
   */
  public DailyActivityService activities() {
    return service(DailyActivityService.class, () -> new DailyActivityService(context));
  }

  /**
   * Continuous heart rate samples.
   *
   * @return the service
   */
  public ContinuousHeartRateService continuousHeartRate() {
    return service(ContinuousHeartRateService.class, () -> new ContinuousHeartRateService(context));
  }

  /**
   * Cardio load history.
   *
   * @return the service
   */
  public CardioLoadService cardioLoad() {
    return service(CardioLoadService.class, () -> new CardioLoadService(context));
  }

  /**
   * SleepWise alertness and circadian bedtime.
   *
   * @return the service
   */
  public SleepWiseService sleepWise() {
    return service(SleepWiseService.class, () -> new SleepWiseService(context));
  }

  /**
   * Elixir biosensing results.
   *
   * @return the service
   */
  public BiosensingService biosensing() {
    return service(BiosensingService.class, () -> new BiosensingService(context));
  }

  /**
   * Sleep per night.
   *
   * @return the service
   */
  public SleepService sleep() {
    return service(SleepService.class, () -> new SleepService(context));
  }

  /**
   * Nightly Recharge per night.
   *
   * @return the service
   */
  public NightlyRechargeService nightlyRecharge() {
    return service(NightlyRechargeService.class, () -> new NightlyRechargeService(context));
  }

  /**
   * The current physical information.
   *
   * @return the service
   */
  public PhysicalInfoService physicalInfo() {
    return service(PhysicalInfoService.class, () -> new PhysicalInfoService(context));
  }

  /**
   * Transactional data, taken out safely: commits only after every item was handed over.
   *
   * @return the service
   */
  public TransactionsService transactions() {
    return new TransactionsService(
        context, token.userId().isPresent() ? token.userId().getAsLong() : null);
  }

  /**
   * The same user view with every call returning a {@link java.util.concurrent.CompletableFuture}: run any read (or
   * any sequence of calls) on the client's async executor, for example
   * {@code user.async().call(u -> u.sleep().list())}. Cancelling a future cancels its HTTP request.
   *
   * @return the asynchronous view, running on the executor configured with
   *     {@link AccessLinkBuilder#asyncExecutor(java.util.concurrent.Executor)}
   */
  public AsyncUserClient async() {
    return new AsyncUserClient(this, context.http().asyncExecutor());
  }

  /**
   * Calls any operation of a generated interface ({@code dev.accesslink4j.generated.api}) with this user's token and
   * the SDK's error model and retry policy, and returns the raw response: status, headers, rate limit and the parsed
   * body. The escape hatch for what the services do not offer, or for reading a response's metadata:
   *
   * <pre>{@code
   * ApiResponse<Nights> nights = user.call(SleepApi.class, SleepApi::listSleep);
   * nights.rateLimit().ifPresent(limit -> log(limit.shortWindow().remaining()));
   * }</pre>
   *
   * <p>GET requests are retried like every read; other methods only after a 429.
   *
   * @param api the generated interface
   * @param operation picks the operation and its arguments
   * @param <A> the interface type
   * @param <T> the body type
   * @return the successful response (its body is empty for 204); a body of type {@code ResponseBody} must be closed
   * @throws AccessLinkException for any failure, as the services throw them
   */
  public <A, T> ApiResponse<T> call(Class<A> api, Function<? super A, Call<T>> operation) {
    return RawCalls.execute(context, api, operation);
  }

  /** Services are created once per view: each holds Retrofit proxies that are worth reusing. */
  private <S> S service(Class<S> type, Supplier<S> factory) {
    return type.cast(services.computeIfAbsent(type, k -> factory.get()));
  }

  /** The stack and the user's credential view, for the SDK's own tests of the transport. */
  ServiceContext context() {
    return context;
  }

  @Override
  public String toString() {
    return "UserClient[" + token + "]";
  }
}
