package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.garmin.fit.Decode;
import com.garmin.fit.LapMesg;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/** FIT, TCX and GPX downloads are real files: the Garmin SDK decodes the FIT, the XML parses. */
class FilesTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  private FakeAccessLink fake;
  private FakeUser user;
  private String token;
  private ExerciseIds run;

  @BeforeEach
  void setUp() {
    fake = accessLink.fake();
    user = fake.addUser();
    token = user.issueToken().reveal();
    run = user.addExercise(ExerciseSpec.of(ExerciseSpec.Sport.RUNNING));
  }

  private static Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  @Test
  void theFitFileDecodesWithTheGarminSdk() {
    Http.Result fit = Http.get(fake.baseUrl() + "v3/exercises/" + run.hashedId() + "/fit", token);
    assertThat(fit.code()).isEqualTo(200);
    assertThat(fit.header("Content-Type")).isEqualTo("application/octet-stream");
    byte[] bytes = fit.body();
    assertThat(new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo(".FIT");

    Decode decode = new Decode();
    assertThat(decode.checkFileIntegrity(new ByteArrayInputStream(bytes))).isTrue();
    List<RecordMesg> records = new ArrayList<>();
    List<LapMesg> laps = new ArrayList<>();
    List<SessionMesg> sessions = new ArrayList<>();
    MesgBroadcaster broadcaster = new MesgBroadcaster(new Decode());
    broadcaster.addListener((RecordMesg m) -> records.add(m));
    broadcaster.addListener((LapMesg m) -> laps.add(m));
    broadcaster.addListener((SessionMesg m) -> sessions.add(m));
    broadcaster.run(new ByteArrayInputStream(bytes));

    assertThat(records).hasSizeGreaterThan(300);
    RecordMesg r = records.get(records.size() / 2);
    assertThat(r.getHeartRate()).isBetween((short) 90, (short) 200);
    assertThat(r.getPositionLat()).isNotNull();
    assertThat(r.getDistance()).isPositive();
    assertThat(sessions).hasSize(1);
    SessionMesg s = sessions.get(0);
    assertThat(s.getSport()).isEqualTo(Sport.RUNNING);
    assertThat(laps).hasSize(s.getNumLaps()).hasSizeGreaterThan(3); // one per kilometre
    assertThat(s.getTotalDistance()).isBetween(4000f, 16000f);

    // the transactional download is the same file
    String tx = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
    long tid =
        Http.postEmpty(tx, token).json().getAsJsonObject().get("transaction-id").getAsLong();
    assertThat(Http.get(tx + "/" + tid + "/exercises/" + run.transactionalId() + "/fit", token)
            .body())
        .isEqualTo(bytes);
  }

  @Test
  void tcxIsPlainOnExercisesAndGzippedInTransactions() throws Exception {
    Http.Result plain = Http.get(fake.baseUrl() + "v3/exercises/" + run.hashedId() + "/tcx", token);
    assertThat(plain.header("Content-Type")).isEqualTo("application/vnd.garmin.tcx+xml");
    assertThat(plain.header("Content-Encoding")).isNull();
    Document tcx = xml(plain.body());
    assertThat(tcx.getDocumentElement().getLocalName()).isEqualTo("TrainingCenterDatabase");
    assertThat(tcx.getElementsByTagNameNS("*", "Trackpoint").getLength()).isGreaterThan(300);
    assertThat(tcx.getElementsByTagNameNS("*", "Activity")
            .item(0)
            .getAttributes()
            .getNamedItem("Sport")
            .getNodeValue())
        .isEqualTo("Running");

    String tx = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
    long tid =
        Http.postEmpty(tx, token).json().getAsJsonObject().get("transaction-id").getAsLong();
    Http.Result gz =
        Http.get(tx + "/" + tid + "/exercises/" + run.transactionalId() + "/tcx", token);
    byte[] raw = gz.body();
    assertThat(raw[0]).isEqualTo((byte) 0x1f);
    assertThat(raw[1]).isEqualTo((byte) 0x8b);
    assertThat(gz.header("Content-Encoding")).isNull();
    assertThat(gunzip(raw)).isEqualTo(plain.body());
  }

  @Test
  void gpxSplitsAtThePauseUnlessPauseTimesAreIncluded() throws Exception {
    Document gpx = xml(Http.get(fake.baseUrl() + "v3/exercises/" + run.hashedId() + "/gpx", token)
        .body());
    assertThat(gpx.getDocumentElement().getAttribute("version")).isEqualTo("1.1");
    assertThat(gpx.getElementsByTagNameNS("*", "trkseg").getLength()).isEqualTo(2);
    int moving = gpx.getElementsByTagNameNS("*", "trkpt").getLength();

    String tx = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
    long tid =
        Http.postEmpty(tx, token).json().getAsJsonObject().get("transaction-id").getAsLong();
    String item = tx + "/" + tid + "/exercises/" + run.transactionalId();
    Document all = xml(Http.get(item + "/gpx?includePauseTimes=true", token).body());
    assertThat(all.getElementsByTagNameNS("*", "trkseg").getLength()).isEqualTo(1);
    assertThat(all.getElementsByTagNameNS("*", "trkpt").getLength()).isGreaterThan(moving);
    assertThat(Http.get(item + "/gpx", token).text())
        .isEqualTo(Http.get(fake.baseUrl() + "v3/exercises/" + run.hashedId() + "/gpx", token)
            .text());

    ExerciseIds gym = user.addExercise(ExerciseSpec.of(ExerciseSpec.Sport.STRENGTH_TRAINING));
    assertThat(Http.get(fake.baseUrl() + "v3/exercises/" + gym.hashedId() + "/gpx", token)
            .code())
        .isEqualTo(404);
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
