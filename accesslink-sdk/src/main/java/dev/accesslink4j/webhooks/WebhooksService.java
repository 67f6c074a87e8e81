package dev.accesslink4j.webhooks;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.BadRequestException;
import dev.accesslink4j.errors.ConflictException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.ServiceException;
import dev.accesslink4j.generated.api.WebhooksApi;
import dev.accesslink4j.generated.model.CreateWebhookRequest;
import dev.accesslink4j.generated.model.CreatedWebhookData;
import dev.accesslink4j.generated.model.UpdateWebhookRequest;
import dev.accesslink4j.generated.model.WebhookInfoData;
import dev.accesslink4j.generated.model.WebhookInfoResponse;
import dev.accesslink4j.generated.model.WebhookType;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import dev.accesslink4j.internal.Transport.Replay;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Management of the client's one webhook (AccessLink allows a single webhook per client), authenticated with the
 * client credentials. Reached through {@link AccessLink#webhooks()}.
 *
 * <p>Most applications need only {@link #ensure(URI, Set)} at start-up: it creates, updates or reactivates the
 * webhook as needed and is safe to call on every deploy. The others map one-to-one to AccessLink's operations.
 *
 * <p>Two things to know before creating a webhook:
 *
 * <ul>
 *   <li><b>Polar returns the signature secret key only in the create response</b> ({@link CreatedWebhook#secret()}).
 *       Store it before anything else; it cannot be read back, only replaced by deleting and re-creating.
 *   <li>Create, URL updates and activate first send a PING to the URL, which must answer {@code 200} (the PING
 *       during create cannot be verified yet: {@link dev.accesslink4j.webhooks.WebhookVerifier} accepts it). If it
 *       does not, the call fails with {@link BadRequestException} (Polar's {@code WebhookPingFailedException}).
 * </ul>
 *
 * <p>Reads are retried per the client's {@link RetryPolicy}; changes are retried only after a {@code 429}, which
 * AccessLink answers without processing the request.
 */
public final class WebhooksService {

  private final HttpStack http;
  private final WebhooksApi api;

  /**
   * Creates the service. Applications get it from {@link AccessLink#webhooks()};
   * the constructor is public only for the client, which lives in another package, and takes its internals.
   *
   * @param context the client's stack and credential view (internal: not a public API)
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public WebhooksService(ServiceContext context) {
    this.http = context.http();
    this.api = context.create(WebhooksApi.class);
  }

  /**
   * Creates the client's webhook ({@code POST /v3/webhooks}). AccessLink first PINGs {@code url}, which must answer
   * {@code 200}; the new webhook is active.
   *
   * <p><b>THE RESULT CARRIES THE SIGNATURE SECRET KEY, AND POLAR RETURNS IT ONLY HERE.</b> Store
   * {@link CreatedWebhook#secret()} before doing anything else: without it no delivery can be verified, and the only
   * remedy is {@link #delete(String)} and a new create.
   *
   * @param url the HTTPS endpoint that receives deliveries; must answer the PING with {@code 200}
   * @param events the event types to subscribe to; at least one
   * @return the webhook and its signature secret key
   * @throws ConflictException (409) when the client already has a webhook; use {@link #get()} and
   *     {@link #update}, or {@link #ensure(URI, Set)}
   * @throws BadRequestException (400) when the PING did not get {@code 200}, or the URL or events are invalid
   * @throws InvalidResponseException when the response lacks the id or the key (the webhook may exist anyway)
   * @throws IllegalArgumentException when {@code url} is not absolute or {@code events} is empty or holds
   *     {@link WebhookType#UNKNOWN_DEFAULT_OPEN_API}
   */
  public CreatedWebhook create(URI url, Set<WebhookType> events) {
    CreateWebhookRequest request =
        new CreateWebhookRequest().url(checkedUrl(url)).events(checkedEvents(events));
    ApiResponse<dev.accesslink4j.generated.model.CreatedWebhookResponse> response =
        http.transport().execute(api.createWebhook(request), Replay.REFUSED_ONLY);
    @Nullable
    CreatedWebhookData data = response
        .body()
        .map(dev.accesslink4j.generated.model.CreatedWebhookResponse::getData)
        .orElse(null);
    if (data == null || isBlank(data.getId())) {
      throw invalid(response.status(), "POST /v3/webhooks answered without the new webhook's id");
    }
    String key = data.getSignatureSecretKey();
    if (isBlank(key)) {
      throw invalid(
          response.status(),
          "POST /v3/webhooks created webhook " + data.getId()
              + " but answered without its signature secret key;"
              + " delete it and create it again to get a key");
    }
    Webhook webhook = Webhook.of(
        data.getId(),
        data.getEvents() == null ? EnumSet.copyOf(events) : eventsOf(data.getEvents()),
        data.getUrl() == null ? url : data.getUrl(),
        true);
    return CreatedWebhook.of(webhook, WebhookSecret.of(key));
  }

  /**
   * Reads the client's webhook ({@code GET /v3/webhooks}).
   *
   * @return the webhook; empty when the client has none ({@code {"data": []}} or {@code 204})
   * @throws InvalidResponseException when the webhook in the response has no id or URL
   */
  public Optional<Webhook> get() {
    ApiResponse<WebhookInfoResponse> response =
        http.transport().execute(api.getWebhook(), Replay.SAFE);
    return first(response);
  }

  /**
   * Changes the webhook's URL and its events ({@code PATCH /v3/webhooks/{id}}). AccessLink PINGs a new URL first
   * and changes nothing unless it answers {@code 200}. The signature secret key stays the same.
   *
   * @param id the webhook id ({@link Webhook#id()})
   * @param url the new receiving URL
   * @param events the new subscription; replaces the old one entirely
   * @return the webhook as AccessLink now reports it
   * @throws NotFoundException (404) when no webhook has that id
   * @throws BadRequestException (400) when the PING to the new URL did not get {@code 200}, or the values are
   *     invalid
   */
  public Webhook update(String id, URI url, Set<WebhookType> events) {
    return patch(id, checkedUrl(url), checkedEvents(events));
  }

  /**
   * Changes only the webhook's URL ({@code PATCH /v3/webhooks/{id}} with just {@code url}). AccessLink PINGs the new
   * URL first and changes nothing unless it answers {@code 200}.
   *
   * @param id the webhook id
   * @param url the new receiving URL
   * @return the webhook as AccessLink now reports it
   * @throws NotFoundException (404) when no webhook has that id
   * @throws BadRequestException (400) when the PING did not get {@code 200}
   */
  public Webhook updateUrl(String id, URI url) {
    return patch(id, checkedUrl(url), null);
  }

  /**
   * Changes only the subscribed events ({@code PATCH /v3/webhooks/{id}} with just {@code events}).
   *
   * @param id the webhook id
   * @param events the new subscription; replaces the old one entirely
   * @return the webhook as AccessLink now reports it
   * @throws NotFoundException (404) when no webhook has that id
   */
  public Webhook updateEvents(String id, Set<WebhookType> events) {
    return patch(id, null, checkedEvents(events));
  }

  /**
   * Activates the webhook ({@code POST /v3/webhooks/activate}), for example after AccessLink deactivated it following
   * 7 days of failed deliveries. AccessLink PINGs the URL first and activates only if it answers {@code 200}.
   *
   * @return true when activated (or already active); false when the client has no webhook ({@code 204})
   * @throws ServiceException when the PING did not get {@code 200} (Polar documents no status; most likely a
   *     {@link BadRequestException})
   */
  public boolean activate() {
    return http.transport().execute(api.activateWebhook(), Replay.REFUSED_ONLY).status() != 204;
  }

  /**
   * Deactivates the webhook ({@code POST /v3/webhooks/deactivate}): it stays registered with the same id, URL, events
   * and key, but AccessLink pushes nothing until {@link #activate()}.
   *
   * @return true when deactivated; false when the client has no webhook ({@code 204})
   */
  public boolean deactivate() {
    return http.transport()
            .execute(api.deactivateWebhook(), Replay.REFUSED_ONLY)
            .status()
        != 204;
  }

  /**
   * Deletes the webhook ({@code DELETE /v3/webhooks/{id}}); deliveries stop and its key becomes useless. A new
   * webhook can then be created, with a new key.
   *
   * @param id the webhook id
   * @throws NotFoundException (404) when no webhook has that id
   */
  public void delete(String id) {
    http.transport().execute(api.deleteWebhook(checkedId(id)), Replay.REFUSED_ONLY);
  }

  /**
   * Makes sure the client's webhook delivers {@code events} to {@code url}, doing only what is needed; safe to call on
   * every start-up:
   *
   * <ul>
   *   <li>no webhook: creates it, and the result carries the new key (<b>store {@link EnsuredWebhook#secret()}
   *       before anything else; Polar returns it only now</b>);
   *   <li>a webhook with another URL or other events: updates what differs (URLs are compared exactly, events as
   *       sets);
   *   <li>an inactive webhook (deactivated by hand, or by AccessLink after 7 days of failed deliveries): activates
   *       it;
   *   <li>otherwise: changes nothing.
   * </ul>
   *
   * <p>An existing webhook keeps its key, which cannot be read back: the application must already have it. The
   * steps are separate calls, not a transaction: two instances ensuring at once can race (the loser's create answers
   * {@link ConflictException}; calling {@code ensure} again then finds the webhook).
   *
   * @param url the receiving URL; must answer AccessLink's PING with {@code 200} when created, changed or activated
   * @param events the event types to subscribe to; at least one
   * @return what was found and done
   * @throws BadRequestException when a PING did not get {@code 200}
   * @throws ConflictException when another process created the webhook in between
   */
  public EnsuredWebhook ensure(URI url, Set<WebhookType> events) {
    checkedUrl(url);
    Set<WebhookType> wanted = EnumSet.copyOf(checkedEvents(events));
    Optional<Webhook> existing = get();
    if (existing.isEmpty()) {
      return EnsuredWebhook.created(create(url, wanted));
    }
    Webhook webhook = existing.get();
    boolean urlDiffers = !webhook.url().equals(url);
    boolean eventsDiffer = !webhook.events().equals(wanted);
    boolean updated = urlDiffers || eventsDiffer;
    if (updated) {
      webhook = patch(
          webhook.id(), urlDiffers ? url : null, eventsDiffer ? new ArrayList<>(wanted) : null);
    }
    boolean reactivated = false;
    if (!webhook.active()) {
      if (!activate()) {
        throw new AccessLinkException("webhook " + webhook.id()
            + " disappeared while it was being activated; call ensure again");
      }
      webhook = webhook.withActive(true);
      reactivated = true;
    }
    return EnsuredWebhook.existing(webhook, updated, reactivated);
  }

  private Webhook patch(String id, @Nullable URI url, @Nullable List<WebhookType> events) {
    // The generated WebhookPatch starts with events = [], which would replace the subscription with
    // nothing: set
    // both fields explicitly; the request converter leaves null fields out of the JSON.
    UpdateWebhookRequest patch = new UpdateWebhookRequest().url(url).events(events);
    ApiResponse<WebhookInfoResponse> response =
        http.transport().execute(api.updateWebhook(checkedId(id), patch), Replay.REFUSED_ONLY);
    return first(response)
        .orElseThrow(() -> invalid(
            response.status(),
            "PATCH /v3/webhooks/" + id + " answered without the updated webhook"));
  }

  private static Optional<Webhook> first(ApiResponse<WebhookInfoResponse> response) {
    @Nullable
    List<WebhookInfoData> data =
        response.body().map(WebhookInfoResponse::getData).orElse(null);
    if (data == null || data.isEmpty() || data.get(0) == null) {
      return Optional.empty();
    }
    WebhookInfoData item = data.get(0);
    if (isBlank(item.getId()) || item.getUrl() == null) {
      throw invalid(response.status(), "the webhook in the response has no id or no url");
    }
    Boolean active = item.getActive();
    return Optional.of(Webhook.of(
        item.getId(), eventsOf(item.getEvents()), item.getUrl(), active == null || active));
  }

  private static Set<WebhookType> eventsOf(@Nullable List<WebhookType> events) {
    Set<WebhookType> set = EnumSet.noneOf(WebhookType.class);
    if (events != null) {
      for (WebhookType type : events) {
        set.add(type == null ? WebhookType.UNKNOWN_DEFAULT_OPEN_API : type);
      }
    }
    return set;
  }

  private static URI checkedUrl(URI url) {
    Objects.requireNonNull(url, "url");
    if (!url.isAbsolute() || url.getHost() == null) {
      throw new IllegalArgumentException("the webhook URL must be absolute, with a host: " + url);
    }
    return url;
  }

  private static List<WebhookType> checkedEvents(Set<WebhookType> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("subscribe to at least one event type");
    }
    if (events.contains(WebhookType.UNKNOWN_DEFAULT_OPEN_API)) {
      throw new IllegalArgumentException(
          "UNKNOWN_DEFAULT_OPEN_API stands for a type this SDK does not know and cannot be subscribed to");
    }
    return new ArrayList<>(EnumSet.copyOf(events));
  }

  private static String checkedId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("webhook id must not be blank");
    }
    return id;
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static InvalidResponseException invalid(int status, String message) {
    return new InvalidResponseException(message, status, "", null);
  }
}
