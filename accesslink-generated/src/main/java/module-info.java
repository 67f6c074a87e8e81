/**
 * The Retrofit interfaces and Gson models generated from the AccessLink OpenAPI spec at build time. Low level: use
 * the SDK ({@code dev.accesslink4j}), which reads this module transitively.
 *
 * <p>The models are opened to Gson, which reads and writes their fields reflectively. Retrofit is an automatic
 * module ({@code retrofit2}); its {@code Call} and OkHttp's types appear in the interfaces, so both are required
 * transitively.
 */
module dev.accesslink4j.generated {
  requires transitive retrofit2;
  requires transitive okhttp3;
  requires transitive com.google.gson;
  requires static jakarta.annotation;

  exports dev.accesslink4j.generated;
  exports dev.accesslink4j.generated.api;
  exports dev.accesslink4j.generated.model;

  opens dev.accesslink4j.generated.model to
      com.google.gson;
}
