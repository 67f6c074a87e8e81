package dev.accesslink4j.oauth;

import java.util.Objects;

final class Keys {
  private Keys() {}

  static String checked(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
    return key;
  }
}
