package dev.accesslink4j.internal;

import static dev.accesslink4j.TestFiles.concat;
import static dev.accesslink4j.TestFiles.cut;
import static dev.accesslink4j.TestFiles.flipped;
import static dev.accesslink4j.TestFiles.garminFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FIT protocol's checks, on a file Garmin's FIT SDK wrote and on copies of it that were cut or corrupted. */
class FitIntegrityTest {
  private static final byte[] GARMIN = garminFit();
  private static final int DATA_SIZE = 1276;

  @Test
  void theCrcIsFitsCrc16() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(FitCrc.update(0, check, 0, check.length))
        .isEqualTo(0xBB3D); // CRC-16/ARC's check value
    byte[] random = new byte[4096];
    new Random(3).nextBytes(random);
    assertThat(FitCrc.update(0, random, 0, random.length))
        .isEqualTo(TestFiles.crc16(random, 0, random.length));
  }

  @Test
  void theEightBytesAtATimeCrcEqualsGarminsNibbleAlgorithmForAnyRunAndStart() {
    byte[] random = new byte[300];
    new Random(5).nextBytes(random);
    for (int from = 0; from < 20; from++) {
      for (int to = from; to <= random.length; to += 1 + to % 7) {
        int start =
            FitCrc.update(0, random, 0, from); // a run that continues a CRC already under way
        int nibbles = start;
        for (int i = from; i < to; i++) {
          nibbles = FitCrc.update(nibbles, random[i]);
        }
        assertThat(FitCrc.update(start, random, from, to))
            .as("[%d, %d)", from, to)
            .isEqualTo(nibbles);
      }
    }
  }

  @Test
  void theGarminFileIsWholeInAnyChunking() throws Exception {
    assertThat(GARMIN[0]).isEqualTo((byte) 14);
    assertThat(GARMIN.length).isEqualTo(14 + DATA_SIZE + 2);
    check(GARMIN, GARMIN.length);
    check(GARMIN, 1);
    check(GARMIN, 13);
    Random random = new Random(11);
    for (int round = 0; round < 50; round++) {
      FitIntegrity fit = new FitIntegrity();
      int at = 0;
      while (at < GARMIN.length) {
        int n = Math.min(GARMIN.length - at, 1 + random.nextInt(300));
        fit.update(GARMIN, at, at + n);
        at += n;
      }
      fit.finish();
    }
  }

  @Test
  void everyCutOfTheGarminFileIsDetected() {
    for (int length = 0; length < GARMIN.length; length++) {
      byte[] cut = cut(GARMIN, length);
      assertThatThrownBy(() -> check(cut, 512))
          .as("cut at %d", length)
          .isInstanceOf(FileDefect.class);
    }
  }

  @Test
  void theDefectIsNamedWithTheDeclaredAndReceivedSizes() {
    assertThatThrownBy(() -> check(cut(GARMIN, GARMIN.length / 2), 100))
        .hasMessage("FIT data size 1276 declared, " + (GARMIN.length / 2 - 14) + " received");
    assertThatThrownBy(() -> check(cut(GARMIN, 9), 100))
        .hasMessage("FIT header cut short: 9 of 14 bytes received");
    assertThatThrownBy(() -> check(cut(GARMIN, GARMIN.length - 1), 100))
        .hasMessage("FIT file CRC missing: 1 of 2 bytes received");
    assertThatThrownBy(() -> check(cut(GARMIN, GARMIN.length - 2), 100))
        .hasMessage("FIT file CRC missing: 0 of 2 bytes received");
    assertThatThrownBy(() -> check(new byte[0], 100)).hasMessage("the FIT body is empty");
  }

  @Test
  void anyFlippedByteIsDetected() {
    for (int index = 0; index < GARMIN.length; index++) {
      byte[] corrupt = flipped(GARMIN, index);
      assertThatThrownBy(() -> check(corrupt, 256))
          .as("byte %d", index)
          .isInstanceOf(FileDefect.class);
    }
  }

  @Test
  void aWrongFileCrcNamesBothValues() {
    int stored = (GARMIN[GARMIN.length - 2] & 0xFF) | (GARMIN[GARMIN.length - 1] & 0xFF) << 8;
    byte[] corrupt = flipped(GARMIN, 200);

    assertThatThrownBy(() -> check(corrupt, 4096))
        .hasMessageStartingWith(String.format("FIT file CRC 0x%04X declared, 0x", stored))
        .hasMessageEndingWith(" computed");
  }

  @Test
  void headerDefectsAreNamed() {
    assertThatThrownBy(() -> check(flipped(GARMIN, 12), 4096))
        .hasMessageStartingWith("FIT header CRC 0x");
    assertThatThrownBy(() -> check(flipped(GARMIN, 9), 4096))
        .hasMessage("FIT header lacks the .FIT signature");
    byte[] gzip = TestFiles.gzip("<TrainingCenterDatabase/>");
    assertThatThrownBy(() -> check(gzip, 4096))
        .hasMessage("FIT header size 31 is neither 12 nor 14: not a FIT file");
  }

  @Test
  void aLargerDeclaredDataSizeIsACutFile() {
    byte[] lying = GARMIN.clone();
    lying[5] =
        0x05; // data size 0x05FC = 1532, but 1276 data bytes follow (and the header CRC is "not
    // computed")
    lying[12] = 0;
    lying[13] = 0;

    assertThatThrownBy(() -> check(lying, 4096))
        .hasMessage("FIT data size 1532 declared, " + (DATA_SIZE + 2) + " received");
  }

  @Test
  void a12ByteHeaderAndA14ByteHeaderWithoutCrcAreAccepted() {
    byte[] data = new byte[DATA_SIZE];
    System.arraycopy(GARMIN, 14, data, 0, DATA_SIZE);

    assertThatCode(() -> check(TestFiles.fit(12, data, false), 64)).doesNotThrowAnyException();
    assertThatCode(() -> check(TestFiles.fit(14, data, false), 64)).doesNotThrowAnyException();
    assertThatCode(() -> check(TestFiles.fit(14, new byte[0], true), 64))
        .doesNotThrowAnyException();
  }

  @Test
  void chainedFilesAreCheckedOneAfterTheOther() {
    byte[] chain = concat(GARMIN, TestFiles.syntheticFit(5000, 1));

    assertThatCode(() -> check(chain, 777)).doesNotThrowAnyException();
    assertThatThrownBy(() -> check(cut(chain, chain.length - 100), 777))
        .hasMessage("FIT data size 5000 declared, 4902 received (FIT file 2 of the body)");
    assertThatThrownBy(() -> check(concat(GARMIN, new byte[] {0, 0}), 777))
        .hasMessage(
            "bytes follow the end of the FIT file that do not start another FIT file (header size 0)");
    assertThatThrownBy(() -> check(flipped(chain, GARMIN.length + 20), 777))
        .hasMessageEndingWith("computed (FIT file 2 of the body)");
  }

  private static void check(byte[] body, int chunk) throws FileDefect {
    FitIntegrity fit = new FitIntegrity();
    for (int at = 0; at < body.length; at += chunk) {
      fit.update(body, at, Math.min(body.length, at + chunk));
    }
    fit.finish();
  }
}
