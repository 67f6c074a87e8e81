package dev.accesslink4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record (the default System.Logger backend) of the given loggers at ALL levels,
 * formatted as a handler would print it. Close it to restore the loggers.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final List<Logger> loggers;
  private final List<Level> previousLevels = new ArrayList<>();
  private final List<Boolean> previousUseParent = new ArrayList<>();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();

  private LogCapture(List<Logger> loggers) {
    this.loggers = loggers;
    setLevel(Level.ALL);
    for (Logger logger : loggers) {
      previousLevels.add(logger.getLevel());
      previousUseParent.add(logger.getUseParentHandlers());
      logger.setLevel(Level.ALL);
      logger.setUseParentHandlers(false); // keep the console quiet
      logger.addHandler(this);
    }
  }

  /** Captures the SDK's logger {@code dev.accesslink4j} and OkHttp's {@code okhttp3}. */
  static LogCapture sdkAndOkHttp() {
    return new LogCapture(
        List.of(Logger.getLogger("dev.accesslink4j"), Logger.getLogger("okhttp3")));
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  /** The captured records. */
  List<LogRecord> records() {
    return records;
  }

  /** Every record fully formatted, thrown exceptions included. */
  String everything() {
    StringBuilder sb = new StringBuilder();
    for (LogRecord r : records) {
      sb.append(formatter.format(r));
    }
    return sb.toString();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).removeHandler(this);
      loggers.get(i).setLevel(previousLevels.get(i));
      loggers.get(i).setUseParentHandlers(previousUseParent.get(i));
    }
  }
}
