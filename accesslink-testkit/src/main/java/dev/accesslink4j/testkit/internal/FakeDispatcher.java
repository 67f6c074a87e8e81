package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.Fault;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import dev.accesslink4j.testkit.RouteGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.ByteString;

/**
 * The MockWebServer {@link Dispatcher} in front of the engine. For each request, in order: record it, match its
 * route, take a queued fault (which may answer instead), count it against the rate limit ({@code /v3} only),
 * hand it to the route group's handler, and shape the reply into a response, held back by the latency if one is
 * set.
 */
public final class FakeDispatcher extends Dispatcher {
  private final Engine engine;
  private final Router router = new Router();
  private final RequestLog requests = new RequestLog();
  private final Faults faults = new Faults();
  private final RateLimiter rateLimiter = new RateLimiter();
  private final FaultEffects effects;
  private volatile Duration latency = Duration.ZERO;
  private final OAuthHandler oauth;
  private final UsersHandler users;
  private final ExerciseHandler exercises;
  private final DailyDataHandler daily;
  private final TransactionHandler transactions;

  /**
   * Creates the dispatcher of an engine.
   *
   * @param engine the state it serves
   */
  public FakeDispatcher(Engine engine) {
    this.engine = engine;
    this.rateLimiter.limits(engine.config.shortLimit(), engine.config.longLimit());
    this.effects = new FaultEffects(engine);
    this.oauth = new OAuthHandler(engine);
    this.users = new UsersHandler(engine);
    this.exercises = new ExerciseHandler(engine);
    this.daily = new DailyDataHandler(engine);
    this.transactions = new TransactionHandler(engine);
  }

  /** The recorded requests. */
  public RequestLog requests() {
    return requests;
  }

  /** The fault queue. */
  public Faults faults() {
    return faults;
  }

  /** The rate limiter. */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** Sets the latency every answer is held back by (its headers are sent after it). */
  public void latency(Duration latency) {
    this.latency = latency;
  }

  @Override
  public MockResponse dispatch(RecordedRequest rr) {
    MockResponse response = answer(rr);
    Duration wait = latency;
    if (wait.isZero()) {
      return response;
    }
    long held = response.getHeadersDelayNanos() + wait.toNanos();
    return response.newBuilder().headersDelay(held, TimeUnit.NANOSECONDS).build();
  }

  private MockResponse answer(RecordedRequest rr) {
    HttpUrl url = rr.getUrl();
    String method = rr.getMethod();
    ByteString bs = rr.getBody();
    byte[] body = bs == null ? new byte[0] : bs.toByteArray();
    Router.Match match = router.match(method, Call.segments(url));
    String query = url.encodedQuery();
    requests.add(new ReceivedRequest(
        method,
        url.encodedPath(),
        query == null ? "" : query,
        rr.getHeaders().toMultimap(),
        body,
        match.route(),
        engine.clock.instant()));
    Fault fault = faults.take(match.route(), url.encodedPath());
    if (fault != null) {
      MockResponse instead = effects.instead(fault);
      if (instead != null) {
        return instead;
      }
    }
    Call call = new Call(method, url, rr.getHeaders(), body, match.route(), match.params());
    return FaultEffects.shape(handle(call, match), fault);
  }

  private Reply handle(Call call, Router.Match match) {
    Route route = match.route();
    RateLimiter.Decision limit = null;
    if (call.url.encodedPath().startsWith("/v3/")) {
      limit = rateLimiter.count(engine.clock.instant(), engine.registeredUsers());
    }
    Reply reply;
    if (limit != null && !limit.allowed()) {
      reply = engine.error(429, "Rate limit exceeded");
    } else if (route == null) {
      reply = match.allowed().isEmpty()
          ? engine.error(404, "No such resource: " + call.url.encodedPath())
          : engine
              .error(405, "Method " + call.method + " not allowed")
              .header("Allow", String.join(", ", match.allowed()));
    } else {
      try {
        reply = route(route, call);
      } catch (Halt h) {
        reply = h.reply;
      } catch (RuntimeException e) {
        reply = engine.error(500, "Fake server error: " + e);
      }
    }
    if (limit != null) {
      reply.header("RateLimit-Usage", limit.shortUsage() + ", " + limit.longUsage());
      reply.header("RateLimit-Limit", limit.shortLimit() + ", " + limit.longLimit());
      reply.header("RateLimit-Reset", limit.shortReset() + ", " + limit.longReset());
    }
    return reply;
  }

  /** Webhook calls PING a url, so they run without the lock; every other group runs under it. */
  private Reply route(Route route, Call call) {
    if (route.group() == RouteGroup.WEBHOOKS) {
      return engine.webhooks.handle(route, call);
    }
    synchronized (engine.lock) {
      return switch (route.group()) {
        case OAUTH -> oauth.handle(route, call);
        case USERS, NOTIFICATIONS -> users.handle(route, call);
        case EXERCISES -> exercises.handle(route, call);
        case DAILY_DATA -> daily.handle(route, call);
        case TRANSACTIONS -> transactions.handle(route, call);
        case WEBHOOKS -> throw new IllegalStateException("webhook routes run without the lock");
      };
    }
  }
}
