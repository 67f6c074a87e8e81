package dev.accesslink4j.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks, byte run by byte run and in constant memory, that a stream holds whole FIT files: each file's header size
 * (12 or 14), its {@code .FIT} signature, its header CRC (14-byte headers; 0 means "not computed"), that exactly the
 * declared number of data bytes follows, and the file CRC over header and data. These are the FIT protocol's own
 * checks. Garmin's {@code Decode.checkFileIntegrity()} is not used: it was seen accepting a file cut short of the size
 * its header declares.
 *
 * <p>A body may hold FIT files back to back ("chained" FIT files, which the protocol allows and Garmin's decoder
 * reads): each is checked in turn, and the body must end exactly where a file ends. Refusing chains would make a
 * valid item impossible to download (and its transaction impossible to commit), so they are accepted; any other
 * bytes after a file are a defect.
 *
 * <p>Not thread-safe: one instance per download.
 */
final class FitIntegrity {
  private static final int MAX_HEADER = 14;
  private static final byte[] SIGNATURE = ".FIT".getBytes(StandardCharsets.US_ASCII);

  private enum Phase {
    HEADER,
    DATA,
    CRC
  }

  private final byte[] header = new byte[MAX_HEADER];
  private Phase phase = Phase.HEADER;
  private int headerSize;
  private int headerFill;
  private int headerCrc12;
  private long dataSize;
  private long dataSeen;
  private int crc;
  private int storedCrc;
  private int crcFill;
  private int completeFiles;

  /**
   * Feeds the next bytes of the body.
   *
   * @param bytes the array
   * @param from the first index
   * @param to one past the last index
   * @throws FileDefect as soon as the bytes cannot belong to whole FIT files
   */
  void update(byte[] bytes, int from, int to) throws FileDefect {
    int i = from;
    while (i < to) {
      switch (phase) {
        case HEADER -> i = header(bytes, i);
        case DATA -> {
          int n = (int) Math.min(to - i, dataSize - dataSeen);
          crc = FitCrc.update(crc, bytes, i, i + n);
          dataSeen += n;
          i += n;
          if (dataSeen == dataSize) {
            phase = Phase.CRC;
          }
        }
        case CRC -> {
          storedCrc |= (bytes[i++] & 0xFF) << (8 * crcFill++);
          if (crcFill == 2) {
            if (storedCrc != crc) {
              throw defect(
                  "FIT file CRC 0x" + hex(storedCrc) + " declared, 0x" + hex(crc) + " computed");
            }
            completeFiles++;
            phase = Phase.HEADER;
            headerFill = 0;
          }
        }
      }
    }
  }

  private int header(byte[] bytes, int index) throws FileDefect {
    byte b = bytes[index];
    if (headerFill == 0) {
      headerSize = b & 0xFF;
      crc = 0;
      if (headerSize != 12 && headerSize != 14) {
        throw completeFiles == 0
            ? defect("FIT header size " + headerSize + " is neither 12 nor 14: not a FIT file")
            : new FileDefect(
                "bytes follow the end of the FIT file that do not start another FIT file (header"
                    + " size " + headerSize + ")");
      }
    }
    header[headerFill++] = b;
    crc = FitCrc.update(crc, b);
    if (headerFill == 12) {
      headerCrc12 = crc;
    }
    if (headerFill == headerSize) {
      for (int k = 0; k < SIGNATURE.length; k++) {
        if (header[8 + k] != SIGNATURE[k]) {
          throw defect("FIT header lacks the .FIT signature");
        }
      }
      if (headerSize == 14) {
        int declared = (header[12] & 0xFF) | (header[13] & 0xFF) << 8;
        if (declared != 0 && declared != headerCrc12) {
          throw defect("FIT header CRC 0x" + hex(declared) + " declared, 0x" + hex(headerCrc12)
              + " computed");
        }
      }
      dataSize = (header[4] & 0xFFL)
          | (header[5] & 0xFFL) << 8
          | (header[6] & 0xFFL) << 16
          | (header[7] & 0xFFL) << 24;
      dataSeen = 0;
      storedCrc = 0;
      crcFill = 0;
      phase = dataSize == 0 ? Phase.CRC : Phase.DATA;
    }
    return index + 1;
  }

  /**
   * Checks that the body ended where a FIT file ends.
   *
   * @throws FileDefect when it ended inside a file, or held no file at all
   */
  void finish() throws FileDefect {
    switch (phase) {
      case HEADER -> {
        if (headerFill == 0 && completeFiles == 0) {
          throw defect("the FIT body is empty");
        }
        if (headerFill > 0) {
          throw defect(
              "FIT header cut short: " + headerFill + " of " + headerSize + " bytes received");
        }
      }
      case DATA ->
        throw defect("FIT data size " + dataSize + " declared, " + dataSeen + " received");
      case CRC -> throw defect("FIT file CRC missing: " + crcFill + " of 2 bytes received");
    }
  }

  private FileDefect defect(String what) {
    // Chained files: say which one, counting from 1.
    return new FileDefect(
        completeFiles == 0 ? what : what + " (FIT file " + (completeFiles + 1) + " of the body)");
  }

  private static String hex(int value) {
    return String.format(Locale.ROOT, "%04X", value);
  }
}
