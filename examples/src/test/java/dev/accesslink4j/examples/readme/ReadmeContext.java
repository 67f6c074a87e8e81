package dev.accesslink4j.examples.readme;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.oauth.TokenStore;
import dev.accesslink4j.testkit.FakeAccessLink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;

/**
 * What every README snippet may use without declaring it: the compiled snippet class extends this class, so these
 * fields and methods are in scope (a snippet may still declare a local of the same name, which then wins). The
 * values are never set: snippets are compiled, not run. Keep this list and the table in {@link ReadmeSnippetsTest}
 * in step.
 */
@SuppressWarnings({"unused", "NullAway"})
public abstract class ReadmeContext {
  /** The application's client. */
  protected AccessLink accessLink;
  /** A linked user's client. */
  protected UserClient user;
  /** A linked user's token. */
  protected AccessToken token;
  /** A testkit fake. */
  protected FakeAccessLink fake;
  /** Where files go. */
  protected Path dir;
  /** A date range and a date. */
  protected LocalDate from;
  /** End of the range. */
  protected LocalDate to;
  /** A date. */
  protected LocalDate date;
  /** An exercise id. */
  protected String exerciseId;
  /** The OAuth callback URI as the browser came back. */
  protected URI callbackUri;
  /** A webhook request's raw body. */
  protected byte[] rawBody;
  /** Where asynchronous work runs. */
  protected ExecutorService executor;
  /** The application's token store. */
  protected TokenStore tokens;
  /** A web session. */
  protected Session session;
  /** An HTTP response. */
  protected Response response;
  /** An HTTP request. */
  protected Request request;
  /** The application's storage. */
  protected Store store;
  /** The application's secret storage. */
  protected Secrets secrets;
  /** The application's database, for the shared stores of accesslink-sync-jdbc. */
  protected javax.sql.DataSource dataSource;

  /** Stores fetched data. */
  protected void store(Object data) {}

  /** Waits. */
  protected void pause(Duration duration) {}

  /** A web framework's session. */
  public interface Session {
    /** Keeps a value. */
    void put(String key, String value);

    /** Reads a value. */
    String get(String key);
  }

  /** A web framework's response. */
  public interface Response {
    /** Answers 302. */
    void sendRedirect(String location);
  }

  /** A web framework's request. */
  public interface Request {
    /** One header's value, or null. */
    String getHeader(String name);
  }

  /** The application's storage. */
  public interface Store {
    /** Saves something under a key (an id, a name). */
    void save(Object key, Object value);
  }

  /** The application's secret storage. */
  public interface Secrets {
    /** Saves a secret. */
    void save(String key, String value);

    /** Loads a secret. */
    String load(String key);
  }
}
