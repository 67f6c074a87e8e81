package dev.accesslink4j.internal;

/**
 * The FIT protocol's CRC-16, computed as Garmin's FIT SDK does: table-driven over each byte's low and high nibble
 * with a 16-entry table (the reflected polynomial 0xA001, CRC-16/ARC). The file CRC of a FIT file covers its header
 * and data records; a 14-byte header carries its own CRC over the first 12 bytes.
 */
final class FitCrc {
  private static final int[] TABLE = {
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400
  };

  private FitCrc() {}

  /**
   * Adds one byte to a running CRC.
   *
   * @param crc the CRC so far (0 to start)
   * @param b the byte
   * @return the updated CRC, 16 bits
   */
  static int update(int crc, byte b) {
    int c = crc;
    int tmp = TABLE[c & 0xF];
    c = (c >>> 4) & 0x0FFF;
    c = c ^ tmp ^ TABLE[b & 0xF];
    tmp = TABLE[c & 0xF];
    c = (c >>> 4) & 0x0FFF;
    return c ^ tmp ^ TABLE[(b >>> 4) & 0xF];
  }

  /**
   * Adds a run of bytes to a running CRC.
   *
   * @param crc the CRC so far
   * @param bytes the array
   * @param from the first index
   * @param to one past the last index
   * @return the updated CRC
   */
  static int update(int crc, byte[] bytes, int from, int to) {
    int c = crc;
    for (int i = from; i < to; i++) {
      c = update(c, bytes[i]);
    }
    return c;
  }
}
