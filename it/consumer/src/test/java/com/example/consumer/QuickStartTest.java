package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeUser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Quick start offline" snippet, run as a user's project would run it. */
class QuickStartTest {

  /** The README's quick start, verbatim between the markers. */
  static void quickStart() {
    // --- README quick start ---
    try (FakeAccessLink fake = FakeAccessLink.start();
         AccessLink accessLink = AccessLink.builder()
             .clientId(fake.clientId()).clientSecret(ClientSecret.of(fake.clientSecret()))
             .apiUrl(URI.create(fake.baseUrl())).tokenUrl(URI.create(fake.tokenUrl()))
             .build()) {
      FakeUser polarUser = fake.addUser("member-42");
      polarUser.seedDays(14);
      UserClient user = accessLink.user(fake.issueToken(polarUser));
      user.sleep().list().forEach(night -> System.out.println(night.getDate() + " " + night.getSleepScore()));
    }
    // --- end ---
  }

  @Test
  void printsTwoWeeksOfNights() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      quickStart();
    } finally {
      System.setOut(original);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(14, lines.size(), () -> "one line per seeded night: " + lines);
    lines.forEach(line -> assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2} \\d+"), () -> "date and score: " + line));
  }
}
