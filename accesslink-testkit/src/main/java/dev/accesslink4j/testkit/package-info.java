/**
 * A stateful, in-process fake of the Polar AccessLink API v3 for tests and offline development.
 *
 * <p>{@link dev.accesslink4j.testkit.FakeAccessLink} runs a real HTTP server on loopback (OkHttp's MockWebServer)
 * that behaves like AccessLink: the OAuth2 code flow, user registration, the transaction state machine, pull
 * notifications, webhooks that are PINGed and signed, rate-limit headers, and deterministic, realistic data for every
 * resource (FIT, TCX and GPX files included). Seed it in domain terms with {@link dev.accesslink4j.testkit.FakeUser},
 * inject faults, and assert on {@link dev.accesslink4j.testkit.ReceivedRequest}s. In JUnit 5 use
 * {@link dev.accesslink4j.testkit.FakeAccessLinkExtension}.
 */
@NullMarked
package dev.accesslink4j.testkit;

import org.jspecify.annotations.NullMarked;
