package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.SessionMesg;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks on the files a sync wrote: FIT decoded with the Garmin FIT SDK, XML and JSON parsed. */
final class DataFiles {
  private DataFiles() {}

  /** Asserts that the Garmin FIT SDK accepts the file (CRC and structure) and finds one session in it. */
  static void assertValidFit(Path fit) throws IOException {
    try (InputStream in = Files.newInputStream(fit)) {
      assertThat(new Decode().checkFileIntegrity(in))
          .as("FIT integrity of %s", fit)
          .isTrue();
    }
    List<SessionMesg> sessions = new ArrayList<>();
    MesgBroadcaster broadcaster = new MesgBroadcaster(new Decode());
    broadcaster.addListener((SessionMesg m) -> sessions.add(m));
    try (InputStream in = Files.newInputStream(fit)) {
      broadcaster.run(in);
    }
    assertThat(sessions).as("sessions in %s", fit).hasSize(1);
  }

  static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  static JsonElement json(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file));
  }

  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<Path> files(Path dir, String suffix) throws IOException {
    return files(dir).stream()
        .filter(p -> p.getFileName().toString().endsWith(suffix))
        .toList();
  }

  /** Every file's modification time and content, to prove a rerun touched nothing. */
  static Map<Path, String> snapshot(Path dir) throws IOException {
    Map<Path, String> snapshot = new TreeMap<>();
    for (Path file : files(dir)) {
      try {
        FileTime modified = Files.getLastModifiedTime(file);
        snapshot.put(
            dir.relativize(file),
            modified + " " + java.util.Arrays.hashCode(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return snapshot;
  }
}
