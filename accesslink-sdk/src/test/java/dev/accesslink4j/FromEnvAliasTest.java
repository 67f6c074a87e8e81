package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code AccessLink.fromEnv}: the {@code POLAR_} credential names are aliases of the {@code ACCESSLINK_} ones. */
class FromEnvAliasTest {

  @Test
  void theAccessLinkNamesAreRead() {
    try (AccessLink client =
        AccessLink.fromEnv(Map.of(
            "ACCESSLINK_CLIENT_ID",
            "id-accesslink",
            "ACCESSLINK_CLIENT_SECRET",
            "secret-accesslink")::get)) {
      assertThat(client.clientId()).isEqualTo("id-accesslink");
      assertThat(client.clientSecret().reveal()).isEqualTo("secret-accesslink");
    }
  }

  @Test
  void thePolarNamesAreAcceptedAsAliases() {
    try (AccessLink client = AccessLink.fromEnv(
        Map.of("POLAR_CLIENT_ID", "id-polar", "POLAR_CLIENT_SECRET", "secret-polar")::get)) {
      assertThat(client.clientId()).isEqualTo("id-polar");
      assertThat(client.clientSecret().reveal()).isEqualTo("secret-polar");
    }
  }

  @Test
  void theAccessLinkNameWinsOverItsAlias() {
    try (AccessLink client = AccessLink.fromEnv(Map.of(
        "ACCESSLINK_CLIENT_ID",
        "id-accesslink",
        "POLAR_CLIENT_ID",
        "id-polar",
        "ACCESSLINK_CLIENT_SECRET",
        " ",
        "POLAR_CLIENT_SECRET",
        "secret-polar")::get)) {
      assertThat(client.clientId()).isEqualTo("id-accesslink");
      assertThat(client.clientSecret().reveal())
          .as("a blank variable counts as unset")
          .isEqualTo("secret-polar");
    }
  }

  @Test
  void aMissingSecretNamesThePrimaryVariable() {
    assertThatThrownBy(() -> AccessLink.fromEnv(Map.of("POLAR_CLIENT_ID", "id-polar")::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ACCESSLINK_CLIENT_SECRET");
  }
}
