package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Java names of the spec's schemas (the modelNameMappings of this module's pom) are the public data types, so
 * they must read as what they are: one class per object or enum schema, no digit or {@code Enum} suffix, no word
 * run together ({@code Heartrate}, {@code Oauth}), and none of the names the mappings replaced.
 */
class ModelNamesTest {

  private static final String MODEL_PACKAGE = "dev/accesslink4j/generated/model";
  private static final Set<String> REPLACED = Set.of(
      "ContinuousHeartrate",
      "ContinuousHeartrateSample",
      "ExerciseHashId",
      "AvailableUserDatas",
      "AvailableSleeps",
      "Nights",
      "Recharges",
      "Register",
      "WebhookRequest",
      "WebhookPatch",
      "CreatedWebhook",
      "WebhookInfo",
      "OauthToken",
      "OauthError",
      "ActivitySteps2",
      "ActivityStepSample2",
      "ActivityZoneSamples2",
      "ActivityZoneSample2",
      "DurationZone",
      "Zone",
      "Zones",
      "Sample",
      "Samples",
      "Location",
      "Exercises",
      "ActivityLog",
      "PhysicalInformations",
      "CardioLoadStatusEnum",
      "TrainingLoadProLoadEnum",
      "TrainingLoadProRpeEnum");

  private final Set<String> models = modelClasses();

  @Test
  void everyObjectAndEnumSchemaHasOneModelAndTheRangeItsHandWrittenType() {
    int generated = 0;
    for (Map.Entry<String, JsonNode> schema :
        iterable(Spec.document().path("components").path("schemas"))) {
      String type = schema.getValue().path("type").asText();
      // A form body's fields become parameters of the method, not a model.
      boolean formBody = schema.getKey().equals("oauth-token-request");
      if ((type.equals("object") || schema.getValue().has("enum")) && !formBody) {
        generated++;
      }
    }
    assertThat(models)
        .contains(
            "ContinuousHeartRateRange", "TrainingSession", "ContinuousHeartRate", "PolarError");
    assertThat(models)
        .as("one class per object or enum schema, plus ContinuousHeartRateRange")
        .hasSize(generated + 1);
  }

  @Test
  void namesReadAsWhatTheyAre() {
    List<String> bad = new ArrayList<>();
    for (String name : models) {
      if (!name.replace("Spo2", "Spo").matches("[A-Z][A-Za-z]*")
          || name.endsWith("Enum")
          || name.contains("Heartrate")
          || name.contains("Oauth")
          || name.contains("HashId")
          || name.endsWith("Datas")
          || REPLACED.contains(name)) {
        bad.add(name);
      }
    }
    assertThat(bad).isEmpty();
  }

  private static Set<String> modelClasses() {
    URL url = ModelNamesTest.class.getClassLoader().getResource(MODEL_PACKAGE);
    assertThat(url).as("the compiled model package").isNotNull();
    try {
      File[] files = new File(url.toURI())
          .listFiles((dir, name) -> name.endsWith(".class") && !name.contains("$"));
      Set<String> names = new TreeSet<>();
      Arrays.stream(files).map(f -> f.getName().replace(".class", "")).forEach(names::add);
      return names;
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
