package dev.accesslink4j.testkit.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic random source. Every piece of generated data gets its own instance, seeded from the fake's seed,
 * the user and the item's key, so the data for a day never depends on the order in which things were generated.
 */
public final class Rnd {
  private final SplittableRandom random;

  private Rnd(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A source seeded from a base seed and any number of keys. */
  public static Rnd of(long seed, Object... keys) {
    long h = mix(seed);
    for (Object key : keys) {
      long k = key instanceof Number n ? n.longValue() : key.toString().hashCode();
      h = mix(h ^ mix(k + 0x9E3779B97F4A7C15L));
    }
    return new Rnd(h);
  }

  /** The 64-bit finaliser of MurmurHash3. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** A uniform integer in [from, to], both inclusive. */
  public int between(int from, int to) {
    return random.nextInt(from, to + 1);
  }

  /** A uniform long in [from, to), to exclusive. */
  public long nextLong(long from, long to) {
    return random.nextLong(from, to);
  }

  /** A uniform double in [from, to). */
  public double uniform(double from, double to) {
    return random.nextDouble(from, to);
  }

  /** A normally distributed double. */
  public double gauss(double mean, double sd) {
    return mean + random.nextGaussian() * sd;
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** One element of a list. */
  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A seed for a child source. */
  public long nextSeed() {
    return random.nextLong();
  }

  /** Random characters from an alphabet. */
  public String chars(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
