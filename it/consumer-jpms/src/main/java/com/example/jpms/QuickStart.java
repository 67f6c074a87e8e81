package com.example.jpms;

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

/**
 * The README's "Quick start offline" snippet as a modular program. Exits 1 unless it printed 14 nights and the SDK
 * and the testkit are explicit modules that keep their internal packages to themselves and the SDK exports each of its
 * packages by role.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the quick start, then checks what it printed. */
  public static void main(String[] args) {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      quickStart();
    } finally {
      System.setOut(original);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    boolean ok = lines.size() == 14 && lines.stream().allMatch(line -> line.matches("\\d{4}-\\d{2}-\\d{2} \\d+"));
    System.out.println((ok ? "quick start on the module path: " : "UNEXPECTED quick start output: ") + lines);
    System.out.println("modules: " + QuickStart.class.getModule().getName() + ", "
        + AccessLink.class.getModule().getName() + ", " + FakeAccessLink.class.getModule().getName());
    Module sdk = AccessLink.class.getModule();
    Module testkit = FakeAccessLink.class.getModule();
    boolean internalsHidden = sdk.getDescriptor() != null && !sdk.getDescriptor().isAutomatic()
        && !sdk.isExported("dev.accesslink4j.internal") && testkit.getDescriptor() != null
        && !testkit.getDescriptor().isAutomatic() && !testkit.isExported("dev.accesslink4j.testkit.internal");
    System.out.println("internal packages exported: " + !internalsHidden);
    // The packages by role, each exported: a user's module reads every one of them.
    List<String> roles = List.of("dev.accesslink4j", "dev.accesslink4j.errors", "dev.accesslink4j.oauth",
        "dev.accesslink4j.services", "dev.accesslink4j.transactions", "dev.accesslink4j.webhooks");
    List<String> missing = roles.stream().filter(p -> !sdk.isExported(p)).toList();
    System.out.println("public packages not exported: " + missing);
    if (!ok || !internalsHidden || !missing.isEmpty()) {
      System.exit(1);
    }
  }

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
}
