package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.testkit.Fault.DropPoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Fault}s are immutable values that print like the call that made them and refuse nonsense early. */
class FaultValuesTest {
  @Test
  void faultsPrintLikeTheirFactoryCalls() {
    assertThat(Fault.status(503)).hasToString("Fault.status(503)");
    assertThat(Fault.htmlError(502)).hasToString("Fault.htmlError(502)");
    assertThat(Fault.delay(Duration.ofMillis(600))).hasToString("Fault.delay(PT0.6S)");
    assertThat(Fault.drop()).hasToString("Fault.drop(BEFORE_RESPONSE)");
    assertThat(Fault.drop(DropPoint.MID_BODY)).hasToString("Fault.drop(MID_BODY)");
    assertThat(Fault.truncate()).hasToString("Fault.truncate()");
    assertThat(Fault.malformedJson()).hasToString("Fault.malformedJson()");
    assertThat(Fault.corrupt()).hasToString("Fault.corrupt()");
  }

  @Test
  void equalFaultsAreEqualValues() {
    assertThat(Fault.status(503))
        .isEqualTo(Fault.status(503))
        .isNotEqualTo(Fault.status(500))
        .isNotEqualTo(Fault.htmlError(503));
    assertThat(Fault.drop()).isEqualTo(Fault.drop(DropPoint.BEFORE_RESPONSE));
    assertThat(Fault.status(503))
        .isInstanceOfSatisfying(Fault.Status.class, s -> assertThat(s.status()).isEqualTo(503));
  }

  @Test
  void nonsenseIsRefusedWhenTheFaultIsMadeOrQueued() {
    assertThatThrownBy(() -> Fault.status(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an HTTP status: 99");
    assertThatThrownBy(() -> Fault.htmlError(600)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    try (FakeAccessLink fake = FakeAccessLink.start(Fixtures.options().build())) {
      assertThatThrownBy(() -> fake.inject(Route.GET_EXERCISE, Fault.truncate(), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("times must be at least 1: 0");
      assertThatThrownBy(() -> fake.inject("(", Fault.truncate()))
          .isInstanceOf(java.util.regex.PatternSyntaxException.class);
    }
  }
}
