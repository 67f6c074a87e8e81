/**
 * The Java SDK for Polar AccessLink API v3: the client, OAuth, the data services, transactions, typed errors,
 * retries, streaming downloads and webhook verification.
 *
 * <p>Exports the public packages, one per role: {@code dev.accesslink4j} (the client and client-wide values),
 * {@code .errors} (the exception tree), {@code .oauth} (linking users and keeping their tokens), {@code .services}
 * (partner and user data services), {@code .transactions} (the deprecated transactional API) and {@code .webhooks}
 * (managing and receiving webhooks). {@code dev.accesslink4j.internal} stays inside the module. The generated layer
 * (its models are the SDK's data types) and OkHttp ({@code AccessLinkBuilder.httpClient}) are part of the API, so
 * they are required transitively. When a package is added, split or renamed, list it here: a package that is neither
 * exported nor named here is internal by construction.
 */
module dev.accesslink4j {
  requires transitive dev.accesslink4j.generated;
  requires transitive okhttp3;
  requires transitive com.google.gson;
  requires static transitive org.jspecify;
  requires java.xml;

  exports dev.accesslink4j;
  exports dev.accesslink4j.errors;
  exports dev.accesslink4j.oauth;
  exports dev.accesslink4j.services;
  exports dev.accesslink4j.transactions;
  exports dev.accesslink4j.webhooks;
}
