package dev.accesslink4j.sync.jdbc.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Default names of lease holders: host name, process id and a random part, to tell processes apart in SQL. */
public final class HolderIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private HolderIds() {}

  /**
   * A new holder name.
   *
   * @return for example {@code worker-3/4711/9f2c01ab}, at most 200 characters
   */
  public static String create() {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    String host = host()
        .replaceAll("[^\\x21-\\x7e]", "?"); // printable ASCII only: it is shown in SQL and logs
    String name =
        host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    return name.length() <= 200 ? name : name.substring(name.length() - 200);
  }

  private static String host() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
