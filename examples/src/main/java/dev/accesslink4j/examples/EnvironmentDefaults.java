package dev.accesslink4j.examples;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes option defaults from environment variables, so secrets need not appear on the command line (where other
 * users of the machine can read them in the process list).
 *
 * <p>The names are the SDK's ({@code ACCESSLINK_CLIENT_ID}, {@code ACCESSLINK_CLIENT_SECRET}, as
 * {@code AccessLink.fromEnv()} reads them) plus {@code ACCESSLINK_WEBHOOK_SECRET}, and for a database
 * ({@code sync --state}, {@code --token-store jdbc:...}) {@code ACCESSLINK_STATE_USER}, {@code ACCESSLINK_STATE_PASSWORD}
 * and {@code ACCESSLINK_TOKEN_KEY}; the {@code POLAR_} names the CLI used first are aliases. A set, non-blank primary name wins over its alias.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  /** Option name to the environment variables that supply its default, the primary name first, then its alias. */
  static final Map<String, List<String>> VARIABLES = Map.of(
      "--client-id", List.of("ACCESSLINK_CLIENT_ID", "POLAR_CLIENT_ID"),
      "--client-secret", List.of("ACCESSLINK_CLIENT_SECRET", "POLAR_CLIENT_SECRET"),
      "--secret", List.of("ACCESSLINK_WEBHOOK_SECRET", "POLAR_WEBHOOK_SECRET"),
      "--state-user", List.of("ACCESSLINK_STATE_USER"),
      "--state-password", List.of("ACCESSLINK_STATE_PASSWORD"),
      "--token-key", List.of("ACCESSLINK_TOKEN_KEY"));

  private final Function<String, @Nullable String> environment;

  EnvironmentDefaults(Function<String, @Nullable String> environment) {
    this.environment = environment;
  }

  @Override
  public @Nullable String defaultValue(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option) {
      List<String> variables = VARIABLES.get(option.longestName());
      if (variables != null) {
        for (String variable : variables) {
          String value = environment.apply(variable);
          if (value != null && !value.isBlank()) {
            return value;
          }
        }
        return null;
      }
    }
    return argSpec.defaultValue();
  }
}
