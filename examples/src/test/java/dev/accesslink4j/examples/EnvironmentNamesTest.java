package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The CLI reads the SDK's variable names ({@code ACCESSLINK_CLIENT_ID}, {@code ACCESSLINK_CLIENT_SECRET},
 * {@code ACCESSLINK_WEBHOOK_SECRET}) and still accepts the {@code POLAR_} names as aliases.
 */
class EnvironmentNamesTest {

  @Test
  void eachOptionTakesItsPrimaryVariableThenItsAlias() {
    assertThat(defaultOf("--client-id", Map.of("ACCESSLINK_CLIENT_ID", "id-a"))).isEqualTo("id-a");
    assertThat(defaultOf("--client-id", Map.of("POLAR_CLIENT_ID", "id-p"))).isEqualTo("id-p");
    assertThat(defaultOf("--client-secret", Map.of("ACCESSLINK_CLIENT_SECRET", "s-a")))
        .isEqualTo("s-a");
    assertThat(defaultOf("--client-secret", Map.of("POLAR_CLIENT_SECRET", "s-p")))
        .isEqualTo("s-p");
    assertThat(defaultOf("--secret", Map.of("ACCESSLINK_WEBHOOK_SECRET", "k-a")))
        .isEqualTo("k-a");
    assertThat(defaultOf("--secret", Map.of("POLAR_WEBHOOK_SECRET", "k-p"))).isEqualTo("k-p");
    assertThat(defaultOf("--client-id", Map.of())).isNull();
  }

  @Test
  void thePrimaryNameWinsAndABlankOneCountsAsUnset() {
    assertThat(defaultOf(
            "--client-id", Map.of("ACCESSLINK_CLIENT_ID", "id-a", "POLAR_CLIENT_ID", "id-p")))
        .isEqualTo("id-a");
    assertThat(defaultOf(
            "--client-id", Map.of("ACCESSLINK_CLIENT_ID", " ", "POLAR_CLIENT_ID", "id-p")))
        .isEqualTo("id-p");
  }

  @Test
  void syncTakesTheClientIdFromEitherName() {
    for (String name : new String[] {"ACCESSLINK_CLIENT_ID", "POLAR_CLIENT_ID"}) {
      Cli.Result result =
          Cli.run(Map.of(name, "some-client"), "sync", "--api-url", "http://127.0.0.1:9/");

      // The id was found (else: "--client-id is required"); the secret is what is missing now.
      assertThat(result.exitCode()).as(name).isEqualTo(2);
      assertThat(result.err())
          .as(name)
          .contains(
              "--client-secret is required with --client-id (or set ACCESSLINK_CLIENT_SECRET)");
    }
  }

  @Test
  void helpNamesBothSets() {
    Cli.Result help = Cli.run("sync", "--help");

    assertThat(help.out())
        .contains(
            "ACCESSLINK_CLIENT_ID",
            "POLAR_CLIENT_ID",
            "ACCESSLINK_CLIENT_SECRET",
            "POLAR_CLIENT_SECRET");
  }

  private static String defaultOf(String option, Map<String, String> env) {
    return new EnvironmentDefaults(env::get)
        .defaultValue(OptionSpec.builder(option).build());
  }
}
