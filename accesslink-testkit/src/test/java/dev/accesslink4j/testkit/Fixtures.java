package dev.accesslink4j.testkit;

import java.time.LocalDate;

/** Shared test settings: a fixed "today" (Polar's own example date) and a fixed seed. */
final class Fixtures {
  static final LocalDate TODAY = LocalDate.of(2025, 8, 14);

  private Fixtures() {}

  static FakeAccessLinkOptions.Builder options() {
    return FakeAccessLinkOptions.builder().today(TODAY).seed(7);
  }

  static FakeAccessLinkExtension extension() {
    return new FakeAccessLinkExtension(options().build());
  }
}
