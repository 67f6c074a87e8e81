package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** Finds the generated Java side of a spec operation: the interface named after its tag, the method after its id. */
final class GeneratedApis {

  private static final String API_PACKAGE = "dev.accesslink4j.generated.api.";

  private GeneratedApis() {}

  /** The interface the generator names after a tag: "Exercise transactions" -> ExerciseTransactionsApi. */
  static Class<?> forTag(String tag) {
    StringBuilder name = new StringBuilder(API_PACKAGE);
    for (String word : tag.split(" ")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    try {
      return Class.forName(name.append("Api").toString());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated interface for tag " + tag, e);
    }
  }

  static Method method(Spec.Operation op) {
    Class<?> api = forTag(op.tag());
    List<Method> methods = Arrays.stream(api.getDeclaredMethods())
        .filter(m -> m.getName().equals(op.operationId()))
        .toList();
    assertThat(methods)
        .as("methods named %s in %s", op.operationId(), api.getSimpleName())
        .hasSize(1);
    return methods.get(0);
  }
}
