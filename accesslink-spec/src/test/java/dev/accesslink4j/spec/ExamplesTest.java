package dev.accesslink4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.accesslink4j.spec.ExampleFinder.Example;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example in the spec is valid against the schema it stands next to. */
class ExamplesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String GET_SLEEP_EXAMPLE =
      "/paths/~1v3~1users~1sleep~1{date}/get/responses/200/content/application~1json/example";

  private final JsonNode document = SpecDocument.get().tree;
  private final ExampleValidator validator = new ExampleValidator(document);
  private final List<Example> examples = ExampleFinder.find(document);

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesItsSchema() {
    return examples.stream()
        .map(example -> DynamicTest.dynamicTest(example.where(), () -> assertValid(example)));
  }

  private void assertValid(Example example) {
    assertThat(example.schema().isObject())
        .as("%s has a schema", example.where())
        .isTrue();
    assertThat(validator.validate(example.schema(), example.value()))
        .as("%s against its schema", example.where())
        .isEmpty();
  }

  @Test
  void findsEveryKindOfExample() {
    assertThat(examples).hasSizeGreaterThan(400);
    assertThat(examples)
        .extracting(Example::where)
        .anyMatch(at -> at.startsWith("/components/schemas/") && at.contains("/properties/"))
        .anyMatch(at -> at.matches("/components/schemas/[^/]+/example"))
        .anyMatch(at -> at.startsWith("/components/headers/"))
        .anyMatch(at -> at.startsWith("/components/responses/"))
        .anyMatch(at -> at.matches("/paths/.*/parameters/\\d+/example"))
        .anyMatch(at -> at.matches("/paths/.*/requestBody/content/.*/example"))
        .anyMatch(at -> at.matches("/paths/.*/responses/2\\d\\d/content/.*/example"))
        .anyMatch(at -> at.matches("/paths/.*/responses/.*/examples/[^/]+/value"))
        .anyMatch(at -> at.matches("/paths/.*/callbacks/.*/requestBody/.*/examples/[^/]+/value"))
        .anyMatch(at -> at.matches("/paths/.*/callbacks/.*/parameters/\\d+/example"))
        .contains(GET_SLEEP_EXAMPLE);
  }

  @Test
  void everyFormatIsKnown() {
    Set<String> known = Set.of(
        "int32",
        "int64",
        "float",
        "double",
        "date",
        "date-time",
        "uri",
        "binary",
        "duration",
        "local-date-time",
        "local-time");
    List<String> unknown = document.findValues("format").stream()
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .filter(format -> !known.contains(format))
        .toList();
    assertThat(unknown)
        .as("formats neither standard nor one of our custom ones")
        .isEmpty();
  }

  @Test
  void rejectsAValueThatDoesNotMatch() {
    JsonNode sleep = document.at("/components/schemas/sleep");
    ObjectNode example = (ObjectNode) document.at(GET_SLEEP_EXAMPLE).deepCopy();
    assertThat(validator.validate(sleep, example)).isEmpty();

    example.put("sleep_score", "eighty");
    Set<ValidationMessage> messages = validator.validate(sleep, example);
    assertThat(messages)
        .extracting(ValidationMessage::getInstanceLocation)
        .extracting(Object::toString)
        .containsExactly("/sleep_score");
  }

  @Test
  void catchesABrokenExampleInTheDocument() {
    ObjectNode broken = document.deepCopy();
    ((ObjectNode) broken.at(GET_SLEEP_EXAMPLE)).put("sleep_score", "eighty");
    ExampleValidator brokenValidator = new ExampleValidator(broken);

    List<String> failing = ExampleFinder.find(broken).stream()
        .filter(example ->
            !brokenValidator.validate(example.schema(), example.value()).isEmpty())
        .map(Example::where)
        .toList();

    assertThat(failing).containsExactly(GET_SLEEP_EXAMPLE);
  }

  @Test
  void rejectsAFieldTheSchemaDoesNotDeclare() {
    JsonNode sleep = document.at("/components/schemas/sleep");
    ObjectNode example = (ObjectNode) document.at(GET_SLEEP_EXAMPLE).deepCopy();
    example.put("sleep-score", 80);
    assertThat(validator.validate(sleep, example)).isNotEmpty();
  }

  @Test
  void resolvesReferencesWithinTheDocument() {
    JsonNode nightsSchema = document.at("/components/schemas/nights");
    ObjectNode nights = JSON.objectNode();
    nights.putArray("nights").addObject().put("sleep_score", 80);
    assertThat(validator.validate(nightsSchema, nights)).isEmpty();

    ((ObjectNode) nights.at("/nights/0")).put("sleep_score", "eighty");
    assertThat(validator.validate(nightsSchema, nights)).isNotEmpty();

    ((ObjectNode) nights.at("/nights/0")).removeAll().put("sleep-score", 80);
    assertThat(validator.validate(nightsSchema, nights))
        .as("undeclared field below a $ref")
        .isNotEmpty();
  }

  @Test
  void theContinuousHeartRateRangeTakesADayAnArrayOfDaysAndTheHeartRatesWrapper() {
    JsonNode range = document.at("/components/schemas/continuous-heartrate-range");
    ObjectNode day = JSON.objectNode().put("date", "2022-09-12");
    day.putArray("heart_rate_samples")
        .addObject()
        .put("heart_rate", 63)
        .put("sample_time", "00:02:08");
    ObjectNode wrapper = JSON.objectNode();
    wrapper
        .putArray("heart_rates")
        .add(day.deepCopy())
        .add(day.deepCopy().put("date", "2022-09-13"));

    assertThat(validator.validate(range, day)).as("one day").isEmpty();
    assertThat(validator.validate(range, wrapper.get("heart_rates")))
        .as("an array of days")
        .isEmpty();
    assertThat(validator.validate(range, wrapper)).as("the heart_rates wrapper").isEmpty();
    assertThat(validator.validate(range, JSON.arrayNode())).as("an empty array").isEmpty();

    assertThat(validator.validate(range, JSON.textNode("no samples")))
        .as("a string")
        .isNotEmpty();
    ObjectNode misspelled = JSON.objectNode().set("heart_rate", wrapper.get("heart_rates"));
    assertThat(validator.validate(range, misspelled))
        .as("a misspelled wrapper (branches stay closed)")
        .isNotEmpty();
    ObjectNode badDay = wrapper.deepCopy();
    ((ObjectNode) badDay.at("/heart_rates/1")).put("date", "13.09.2022");
    assertThat(validator.validate(range, badDay))
        .as("a wrapped day with a malformed date")
        .isNotEmpty();
  }

  @Test
  void stillRefusesToCloseObjectsUnderAllOf() {
    ObjectNode broken = document.deepCopy();
    ((ObjectNode) broken.at("/components/schemas"))
        .putObject("combined")
        .putArray("allOf")
        .addObject()
        .put("$ref", "#/components/schemas/sleep");
    assertThatThrownBy(() -> new ExampleValidator(broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closing objects is unsound with allOf");
  }

  @Test
  void honoursNullable() {
    JsonNode zones = document.at("/components/schemas/zones");
    assertThat(validator.validate(zones, JSON.objectNode().putNull("zone"))).isEmpty();

    JsonNode sleep = document.at("/components/schemas/sleep");
    assertThat(validator.validate(sleep, JSON.objectNode().putNull("sleep_score")))
        .isNotEmpty();
  }

  @Test
  void checksTheCustomFormatsAsJavaTimeParsesThem() {
    JsonNode duration = JSON.objectNode().put("type", "string").put("format", "duration");
    assertThat(validator.validate(duration, JSON.textNode("PT14295.773S"))).isEmpty();
    assertThat(validator.validate(duration, JSON.textNode("14295.773 s"))).isNotEmpty();

    JsonNode localDateTime =
        JSON.objectNode().put("type", "string").put("format", "local-date-time");
    assertThat(validator.validate(localDateTime, JSON.textNode("2019-01-01T10:00:00.000")))
        .isEmpty();
    assertThat(validator.validate(localDateTime, JSON.textNode("2019-01-01T10:00:00Z")))
        .isNotEmpty();

    JsonNode localTime = JSON.objectNode().put("type", "string").put("format", "local-time");
    assertThat(validator.validate(localTime, JSON.textNode("23:15"))).isEmpty();
    assertThat(validator.validate(localTime, JSON.textNode("25:00"))).isNotEmpty();

    JsonNode dateTime = JSON.objectNode().put("type", "string").put("format", "date-time");
    assertThat(validator.validate(dateTime, JSON.textNode("2019-01-01T10:00:00")))
        .isNotEmpty();
  }
}
