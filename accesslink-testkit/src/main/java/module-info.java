/**
 * The testkit: a stateful fake AccessLink on a local MockWebServer, and its JUnit 5 extension.
 *
 * <p>Exports {@code dev.accesslink4j.testkit} only; the engine in {@code dev.accesslink4j.testkit.internal} stays
 * inside. JUnit is optional ({@code requires static}): only {@code FakeAccessLinkExtension} needs it, and a test run
 * that uses the extension has JUnit anyway. Garmin's FIT SDK declares no module name, so it is required by the
 * name the JDK derives from its jar file, {@code fit} (Maven warns about such "filename-based" names): the jar keeps
 * that name in Maven and Gradle caches alike, and on the class path, where most tests run, names play no part.
 */
module dev.accesslink4j.testkit {
  requires transitive dev.accesslink4j;
  requires mockwebserver3;
  requires fit;
  requires java.net.http;
  requires static transitive org.jspecify;
  requires static org.junit.jupiter.api;

  exports dev.accesslink4j.testkit;
}
