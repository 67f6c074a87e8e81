package dev.accesslink4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Files for download tests: a FIT, TCX and GPX file of one run written by the testkit (the FIT file by Garmin's FIT
 * SDK, {@code src/test/resources/files/}), synthetic FIT files of any size whose CRCs come from a bit-by-bit CRC-16
 * written independently of the SDK's table-driven one, and ways to damage them.
 */
public final class TestFiles {
  private TestFiles() {}

  /** The FIT file Garmin's SDK wrote (14-byte header, 1,276 data bytes, 1,292 bytes in all). */
  public static byte[] garminFit() {
    return resource("garmin-run.fit");
  }

  /** The TCX file of the same run. */
  public static String tcx() {
    return new String(resource("garmin-run.tcx"), StandardCharsets.UTF_8);
  }

  /** The GPX file of the same run. */
  public static String gpx() {
    return new String(resource("garmin-run.gpx"), StandardCharsets.UTF_8);
  }

  /**
   * A valid FIT file with a 14-byte header and {@code dataSize} random data bytes (data records are not parsed by
   * the check, only counted and summed).
   */
  public static byte[] syntheticFit(int dataSize, long seed) {
    byte[] data = new byte[dataSize];
    new Random(seed).nextBytes(data);
    return fit(14, data, true);
  }

  /**
   * A FIT file: a header of {@code headerSize} bytes (12 or 14) declaring {@code data.length}, the data, and the
   * file CRC.
   *
   * @param headerCrc whether a 14-byte header carries its CRC (else 0, "not computed")
   */
  public static byte[] fit(int headerSize, byte[] data, boolean headerCrc) {
    byte[] file = new byte[headerSize + data.length + 2];
    file[0] = (byte) headerSize;
    file[1] = 0x20; // protocol 2.0
    file[2] = (byte) 0xA6; // profile 21.158
    file[3] = 0x52;
    for (int k = 0; k < 4; k++) {
      file[4 + k] = (byte) (data.length >>> (8 * k));
    }
    file[8] = '.';
    file[9] = 'F';
    file[10] = 'I';
    file[11] = 'T';
    if (headerSize == 14 && headerCrc) {
      int crc = crc16(file, 0, 12);
      file[12] = (byte) crc;
      file[13] = (byte) (crc >>> 8);
    }
    System.arraycopy(data, 0, file, headerSize, data.length);
    int crc = crc16(file, 0, headerSize + data.length);
    file[file.length - 2] = (byte) crc;
    file[file.length - 1] = (byte) (crc >>> 8);
    return file;
  }

  /**
   * CRC-16/ARC (reflected polynomial 0xA001, initial value 0) one bit at a time: the same function as the FIT
   * protocol's nibble table, computed another way.
   */
  public static int crc16(byte[] bytes, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc ^= bytes[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  /** The first {@code length} bytes. */
  public static byte[] cut(byte[] bytes, int length) {
    return Arrays.copyOf(bytes, length);
  }

  /** A copy with one byte's bits inverted. */
  public static byte[] flipped(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] = (byte) ~copy[index];
    return copy;
  }

  /** Two arrays back to back. */
  public static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** Text gzip-compressed. */
  public static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] resource(String name) {
    try (InputStream in = TestFiles.class.getResourceAsStream("/files/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
