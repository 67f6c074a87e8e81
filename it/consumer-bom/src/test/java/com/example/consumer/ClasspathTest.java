package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the dependency resolution gave this project: one OkHttp, one Okio, one Kotlin stdlib (the Kotlin 1.8
 * stdlib-jdk7/jdk8 jars repeat classes that kotlin-stdlib 2 already holds).
 */
class ClasspathTest {

  @Test
  void oneOkHttp() throws IOException {
    assertOneCopy("okhttp3/OkHttpClient.class");
    assertOneCopy("okhttp3/internal/concurrent/TaskRunner.class");
  }

  @Test
  void oneOkio() throws IOException {
    assertOneCopy("okio/Buffer.class");
  }

  @Test
  void oneKotlinStdlib() throws IOException {
    assertOneCopy("kotlin/jdk7/AutoCloseableKt.class");
    assertOneCopy("kotlin/internal/jdk8/JDK8PlatformImplementations.class");
  }

  private static void assertOneCopy(String resource) throws IOException {
    List<URL> copies = Collections.list(ClasspathTest.class.getClassLoader().getResources(resource));
    assertEquals(1, copies.size(), () -> resource + " on the test classpath: " + copies);
  }
}
