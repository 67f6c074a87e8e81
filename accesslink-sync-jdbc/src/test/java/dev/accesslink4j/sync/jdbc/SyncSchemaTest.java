package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SyncSchemaTest {
  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  @Test
  void migrateCreatesPrefixedTablesOnceBesideTheApplicationsOwn() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE app_users (id BIGINT PRIMARY KEY)");
    }

    SyncSchema.of(db.dataSource(), "tenant1_").migrate();
    SyncSchema.of(db.dataSource(), "tenant1_").migrate(); // a second start changes nothing

    List<String> tables = tables();
    assertThat(tables).contains("app_users", "tenant1_schema_history", "tenant1_schema_marker");
    assertThat(tables)
        .filteredOn(t -> !t.equals("app_users"))
        .allMatch(t -> t.startsWith("tenant1_"));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM tenant1_schema_marker")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aPrefixThatIsNotAPlainNameIsRefused() {
    assertThatThrownBy(() -> SyncSchema.of(db.dataSource(), "x; DROP TABLE app_users; --"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case letters");
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        ResultSet r = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      while (r.next()) {
        names.add(r.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
