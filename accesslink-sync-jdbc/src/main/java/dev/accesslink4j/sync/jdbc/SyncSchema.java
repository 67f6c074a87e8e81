package dev.accesslink4j.sync.jdbc;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The module's tables in one PostgreSQL database, every name starting with a prefix (default {@code accesslink_}) so
 * that they sit beside the application's own. {@link #migrate()} creates them, or brings them to this version, by
 * the versioned SQL scripts in {@code dev/accesslink4j/sync/jdbc/migration}, run by Flyway with its own history table
 * ({@code <prefix>schema_history}); several processes starting at once are safe (Flyway locks the history table).
 * Every store of this module calls it on creation, so an application need not.
 */
public final class SyncSchema {
  /** The default prefix of every table name. */
  public static final String DEFAULT_PREFIX = "accesslink_";

  private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,30}");

  private final DataSource dataSource;
  private final String prefix;

  private SyncSchema(DataSource dataSource, String prefix) {
    this.dataSource = dataSource;
    this.prefix = prefix;
  }

  /**
   * The schema with the default prefix.
   *
   * @param dataSource the database
   * @return the schema
   */
  public static SyncSchema of(DataSource dataSource) {
    return of(dataSource, DEFAULT_PREFIX);
  }

  /**
   * The schema with a prefix of lower-case letters, digits and underscores.
   *
   * @param dataSource the database
   * @param prefix the prefix of every table name, for example {@code accesslink_}; at most 31 characters
   * @return the schema
   * @throws IllegalArgumentException when the prefix is not a plain lower-case SQL name
   */
  public static SyncSchema of(DataSource dataSource, String prefix) {
    Objects.requireNonNull(dataSource, "dataSource");
    if (!PREFIX.matcher(Objects.requireNonNull(prefix, "prefix")).matches()) {
      throw new IllegalArgumentException(
          "a table prefix is 1 to 31 lower-case letters, digits or underscores, not a letter or underscore first: "
              + prefix);
    }
    return new SyncSchema(dataSource, prefix);
  }

  /**
   * The database.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * The prefix of every table name.
   *
   * @return the prefix
   */
  public String prefix() {
    return prefix;
  }

  /**
   * A table's full name.
   *
   * @param name the name without prefix, for example {@code sync_state}
   * @return the prefixed name
   */
  public String table(String name) {
    return prefix + name;
  }

  /**
   * Creates the tables or migrates them to this version of the module; does nothing when they are current.
   *
   * @return this schema
   */
  public SyncSchema migrate() {
    Flyway.configure(SyncSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:dev/accesslink4j/sync/jdbc/migration")
        .table(prefix + "schema_history")
        .placeholders(Map.of("prefix", prefix))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return this;
  }

  @Override
  public String toString() {
    return "SyncSchema[prefix=" + prefix + "]";
  }
}
