/**
 * A stateful, in-process fake of the Polar AccessLink API v3 for tests and offline development.
 *
 * <p>{@link dev.accesslink4j.testkit.FakeAccessLink} runs a real HTTP server on loopback (OkHttp's MockWebServer)
 * that behaves like AccessLink. Start it with {@link dev.accesslink4j.testkit.FakeAccessLinkOptions}, seed it in
 * domain terms with {@link dev.accesslink4j.testkit.FakeUser}, target operations with
 * {@link dev.accesslink4j.testkit.Route}, inject {@link dev.accesslink4j.testkit.Fault}s, and assert on
 * {@link dev.accesslink4j.testkit.ReceivedRequest}s. In JUnit 5 use
 * {@link dev.accesslink4j.testkit.FakeAccessLinkExtension}; to run it on its own,
 * {@link dev.accesslink4j.testkit.FakeAccessLinkMain}.
 *
 * <p>What the fake does, in AccessLink's terms:
 *
 * <ul>
 *   <li><b>OAuth2</b> on the same server: {@link FakeAccessLink#authorizationUrl()} approves at once (the demo
 *       account, or the one chosen with {@link FakeAccessLink#nextAuthorizationFor(FakeUser)}) and redirects with
 *       {@code code} and {@code state}; {@link FakeAccessLink#tokenUrl()} exchanges single-use codes that expire
 *       after ten minutes, and a reused code revokes every token issued for it.
 *   <li><b>Users</b>: registration (409 the second time), read (204 when not registered), delete (revokes the token).
 *       An account that is not registered has no data. With {@link FakeUser#withholdConsent()} every user-data call
 *       answers 403; unknown or revoked tokens answer 401.
 *   <li><b>Transactions</b> for exercises, activity and physical information, with at most 50 items each, commits
 *       that delete, and uncommitted items that come back in the next transaction; <b>pull notifications</b> list
 *       the users with uncommitted data until it is committed.
 *   <li><b>Every non-transactional resource</b>, with deterministic, realistic data from a seeded generator:
 *       exercises (FIT written with the Garmin FIT SDK, TCX, GPX), daily activity, continuous heart rate, cardio load,
 *       SleepWise, biosensing, sleep, Nightly Recharge and physical information, in Polar's own field names and time
 *       formats.
 *   <li><b>Webhooks</b>: create, read, update, delete, activate, deactivate, each PINGing the url with a real POST;
 *       {@link FakeAccessLink#deliver(FakeWebhookEvent)} sends events signed with the real algorithm.
 *   <li><b>Rate limits</b>: {@code RateLimit-Usage}, {@code RateLimit-Limit} and {@code RateLimit-Reset} on every
 *       {@code /v3} response, 429 once a window is spent.
 *   <li><b>Faults</b>: {@link FakeAccessLink#inject(Route, Fault)} queues a {@link Fault} (a status, an HTML error
 *       page, a delay, a dropped connection, a truncated, malformed or corrupted body) for the next requests of a
 *       route or path.
 * </ul>
 */
@NullMarked
package dev.accesslink4j.testkit;

import org.jspecify.annotations.NullMarked;
