package dev.accesslink4j.examples;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessLinkBuilder;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.RateBudget;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options every command shares: the partner client's credentials and AccessLink's URLs (point them at a fake
 * server, such as the testkit's standalone {@code FakeAccessLink}).
 */
final class ClientOptions {
  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description =
          "The AccessLink client id (default: env ACCESSLINK_CLIENT_ID, alias POLAR_CLIENT_ID).")
  @Nullable
  String clientId;

  @Option(
      names = "--client-secret",
      paramLabel = "SECRET",
      description =
          "The AccessLink client secret (default: env ACCESSLINK_CLIENT_SECRET, alias POLAR_CLIENT_SECRET;"
              + " prefer the variable).")
  @Nullable
  String clientSecret;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "The AccessLink API base URL (default: https://www.polaraccesslink.com/).")
  @Nullable
  URI apiUrl;

  @Option(
      names = "--auth-url",
      paramLabel = "URL",
      description =
          "The OAuth2 authorization URL (default: https://flow.polar.com/oauth2/authorization).")
  @Nullable
  URI authUrl;

  @Option(
      names = "--token-url",
      paramLabel = "URL",
      description = "The OAuth2 token URL (default: https://polarremote.com/v2/oauth2/token).")
  @Nullable
  URI tokenUrl;

  /** Whether a client id was given (option or environment): without one, {@code sync} runs offline. */
  boolean hasClientId() {
    return clientId != null && !clientId.isBlank();
  }

  /** Whether any URL option was given. */
  boolean hasUrls() {
    return apiUrl != null || authUrl != null || tokenUrl != null;
  }

  /**
   * Builds the client from the options.
   *
   * @throws ParameterException when the id or the secret is missing or a URL is unusable
   */
  AccessLink build(CommandSpec spec) {
    return build(spec, null);
  }

  /**
   * Builds the client from the options, paced by a rate budget.
   *
   * @param budget paces the client's requests against Polar's windows (a spent 24-hour window stops a sync with
   *     its resume time instead of earning 429s), or null for none
   * @throws ParameterException when the id or the secret is missing or a URL is unusable
   */
  AccessLink build(CommandSpec spec, @Nullable RateBudget budget) {
    check(spec);
    AccessLinkBuilder builder =
        AccessLink.builder().clientId(clientId).clientSecret(ClientSecret.of(clientSecret));
    try {
      if (apiUrl != null) {
        builder.apiUrl(apiUrl);
      }
      if (authUrl != null) {
        builder.authorizationUrl(authUrl);
      }
      if (tokenUrl != null) {
        builder.tokenUrl(tokenUrl);
      }
      if (budget != null) {
        builder.rateBudget(budget);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
    }
  }

  /**
   * Checks that the id and the secret are there, before anything else is read.
   *
   * @throws ParameterException when the id or the secret is missing
   */
  void check(CommandSpec spec) {
    if (!hasClientId()) {
      throw new ParameterException(
          spec.commandLine(), "--client-id is required (or set ACCESSLINK_CLIENT_ID)");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new ParameterException(
          spec.commandLine(),
          "--client-secret is required with --client-id (or set ACCESSLINK_CLIENT_SECRET)");
    }
  }
}
