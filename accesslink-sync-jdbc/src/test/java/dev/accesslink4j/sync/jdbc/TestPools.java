package dev.accesslink4j.sync.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Connection pools for the tests that measure or race, as an application would configure one (HikariCP). */
final class TestPools {
  private TestPools() {}

  /**
   * A pool on a test database.
   *
   * @param jdbcUrl the database, with user and password
   * @param size the most connections at once
   * @return the pool; close it at the end of the test
   */
  static HikariDataSource pool(String jdbcUrl, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    return new HikariDataSource(config);
  }
}
