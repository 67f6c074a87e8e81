package dev.accesslink4j.examples;

import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes option defaults from environment variables, so secrets need not appear on the command line (where other
 * users of the machine can read them in the process list).
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  /** Option name to the environment variable that supplies its default. */
  static final Map<String, String> VARIABLES =
      Map.of(
          "--client-id", "POLAR_CLIENT_ID",
          "--client-secret", "POLAR_CLIENT_SECRET",
          "--secret", "POLAR_WEBHOOK_SECRET");

  private final Function<String, @Nullable String> environment;

  EnvironmentDefaults(Function<String, @Nullable String> environment) {
    this.environment = environment;
  }

  @Override
  public @Nullable String defaultValue(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option) {
      String variable = VARIABLES.get(option.longestName());
      if (variable != null) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? null : value;
      }
    }
    return argSpec.defaultValue();
  }
}
