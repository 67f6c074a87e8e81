package dev.accesslink4j.examples.link;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.OAuthCallbackException;
import dev.accesslink4j.examples.Messages;
import dev.accesslink4j.oauth.AuthorizationCode;
import dev.accesslink4j.oauth.AuthorizationRequest;
import dev.accesslink4j.oauth.TokenStore;
import dev.accesslink4j.services.UserRegistration;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Links one Polar user through the real OAuth2 redirect flow: builds the authorization URL (with a random state),
 * hands it to the "browser", receives the redirect on a {@link CallbackServer}, checks the state, exchanges the code
 * once, registers the user with the client ({@code registerIfAbsent}) and saves the token in the token store under
 * the member id.
 */
public final class LinkFlow {
  private final AccessLink client;
  private final TokenStore tokens;

  /**
   * Creates the flow.
   *
   * @param client the AccessLink client
   * @param tokens where the token is saved
   */
  public LinkFlow(AccessLink client, TokenStore tokens) {
    this.client = Objects.requireNonNull(client, "client");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /**
   * Runs the flow and waits for the callback.
   *
   * @param server the callback server; its handler is replaced
   * @param redirectUri the redirect URI sent to Polar; it must be registered for the client and reach {@code server}
   * @param memberId the member id to register the user under, or null for {@code polar-<user id>}
   * @param browser opens the authorization URL: prints it for a person, or follows it with an HTTP client
   * @param timeout how long to wait for the callback
   * @return the linked user
   * @throws AccessLinkException when the user declined, the exchange or the registration failed
   * @throws LinkTimeoutException when no callback arrived in time
   * @throws InterruptedException when interrupted while waiting
   */
  public LinkResult link(
      CallbackServer server,
      URI redirectUri,
      @Nullable String memberId,
      Consumer<URI> browser,
      Duration timeout)
      throws InterruptedException {
    AuthorizationRequest request = client.oauth().authorizationRequest(redirectUri);
    CompletableFuture<LinkResult> result = new CompletableFuture<>();
    AtomicBoolean answered = new AtomicBoolean();
    server.handler(uri -> callback(request, uri, memberId, answered, result));
    browser.accept(request.url());
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LinkTimeoutException("no authorization callback arrived on port " + server.port()
          + " within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Handles one callback. The result is completed only after the page was sent (see
   * {@link CallbackServer.Page#afterResponse()}); {@code answered} marks the attempt finished at once, so a second
   * callback is never exchanged.
   */
  private synchronized CallbackServer.Page callback(
      AuthorizationRequest request,
      URI uri,
      @Nullable String memberId,
      AtomicBoolean answered,
      CompletableFuture<LinkResult> result) {
    if (answered.get()) {
      return new CallbackServer.Page(
          409,
          "Already done",
          "This link attempt has finished; run the link command again to link another user.");
    }
    AuthorizationCode code;
    try {
      code = client.oauth().verifyCallback(request, uri);
    } catch (OAuthCallbackException e) {
      // not our callback (a stale tab, a forged request, an ?error= without our state): keep
      // waiting for ours
      return new CallbackServer.Page(400, "Not linked", Messages.oneLine(e));
    } catch (AccessLinkException e) {
      // Polar reported an error, such as access_denied, on a callback with our state
      answered.set(true);
      return new CallbackServer.Page(
          400, "Not linked", Messages.oneLine(e), () -> result.completeExceptionally(e));
    }
    answered.set(true);
    try {
      LinkResult linked = exchangeAndRegister(code, memberId);
      return new CallbackServer.Page(
          200,
          "Linked",
          "Polar user " + linked.userId() + " is linked. You can close this window.",
          () -> result.complete(linked));
    } catch (RuntimeException e) {
      return new CallbackServer.Page(
          500, "Not linked", Messages.oneLine(e), () -> result.completeExceptionally(e));
    }
  }

  private LinkResult exchangeAndRegister(AuthorizationCode code, @Nullable String memberId) {
    AccessToken token = client.oauth().exchange(code);
    if (token.userId().isEmpty()) {
      throw new AccessLinkException(
          "the token response carries no Polar user id (x_user_id); cannot register");
    }
    long userId = token.userId().getAsLong();
    String member = memberId != null ? memberId : "polar-" + userId;
    UserRegistration registration = client.user(token).users().registerIfAbsent(member);
    tokens.save(member, token);
    return new LinkResult(userId, member, registration.isNew(), registration.memberIdMatches());
  }

  /** No callback arrived in time. */
  public static final class LinkTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LinkTimeoutException(String message) {
      super(message);
    }
  }
}
