package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.ExerciseSpec.Sport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Writes TCX (Garmin Training Center Database v2) and GPX 1.1 documents for a track. Both are well-formed and follow
 * their schemas' element order; every value written is a number, a timestamp or one of our own constants, so no
 * escaping is needed beyond the device name.
 */
public final class XmlWriters {
  private XmlWriters() {}

  /** A TCX document: one activity, one lap per kilometre (5 km cycling), a trackpoint per point. */
  public static String tcx(ExerciseTrack t) {
    ExercisePlan p = t.plan;
    Instant start = start(p);
    StringBuilder x = new StringBuilder(t.size * 400 + 2000);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append(
            "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"")
        .append(" xsi:schemaLocation=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2")
        .append(" http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd\">\n");
    x.append("  <Activities>\n");
    x.append("    <Activity Sport=\"").append(tcxSport(p.sport())).append("\">\n");
    x.append("      <Id>").append(Formats.utcMillis(start)).append("</Id>\n");
    for (int[] lap : t.laps) {
      int from = lap[0];
      int to = lap[1];
      Instant lapStart = start.plusSeconds(t.offset[from]);
      double seconds = to >= t.size
          ? p.durationMillis() / 1000.0 - t.offset[from]
          : t.offset[to - 1] - t.offset[from] + ExerciseTrack.INTERVAL_SECONDS;
      x.append("      <Lap StartTime=\"").append(Formats.utcMillis(lapStart)).append("\">\n");
      x.append("        <TotalTimeSeconds>")
          .append(fmt(seconds, 3))
          .append("</TotalTimeSeconds>\n");
      double lapDistance =
          t.distance == null ? 0 : t.distance[to - 1] - (from == 0 ? 0 : t.distance[from - 1]);
      x.append("        <DistanceMeters>")
          .append(fmt(lapDistance, 1))
          .append("</DistanceMeters>\n");
      if (t.speed != null) {
        x.append("        <MaximumSpeed>")
            .append(fmt(t.maxSpeed(from, to) / 3.6, 3))
            .append("</MaximumSpeed>\n");
      }
      x.append("        <Calories>")
          .append(Math.round(t.calories(from, to)))
          .append("</Calories>\n");
      if (t.heartRate != null) {
        x.append("        <AverageHeartRateBpm><Value>")
            .append(t.averageHeartRate(from, to))
            .append("</Value></AverageHeartRateBpm>\n");
        x.append("        <MaximumHeartRateBpm><Value>")
            .append(t.maxHeartRate(from, to))
            .append("</Value></MaximumHeartRateBpm>\n");
      }
      x.append("        <Intensity>Active</Intensity>\n");
      x.append("        <TriggerMethod>")
          .append(to >= t.size ? "Manual" : "Distance")
          .append("</TriggerMethod>\n");
      x.append("        <Track>\n");
      for (int i = from; i < to; i++) {
        x.append("          <Trackpoint>\n");
        x.append("            <Time>")
            .append(Formats.utcMillis(start.plusSeconds(t.offset[i])))
            .append("</Time>\n");
        if (t.latitude != null && t.longitude != null) {
          x.append("            <Position><LatitudeDegrees>")
              .append(fmt(t.latitude[i], 8))
              .append("</LatitudeDegrees><LongitudeDegrees>")
              .append(fmt(t.longitude[i], 8))
              .append("</LongitudeDegrees></Position>\n");
        }
        if (t.altitude != null) {
          x.append("            <AltitudeMeters>")
              .append(fmt(t.altitude[i], 1))
              .append("</AltitudeMeters>\n");
        }
        if (t.distance != null) {
          x.append("            <DistanceMeters>")
              .append(fmt(t.distance[i], 1))
              .append("</DistanceMeters>\n");
        }
        if (t.heartRate != null) {
          x.append("            <HeartRateBpm><Value>")
              .append(t.heartRate[i])
              .append("</Value></HeartRateBpm>\n");
        }
        if (t.cadence != null && p.sport() == Sport.ROAD_BIKING) {
          x.append("            <Cadence>").append(t.cadence[i]).append("</Cadence>\n");
        }
        if (t.speed != null) {
          x.append("            <Extensions><ns3:TPX><ns3:Speed>")
              .append(fmt(t.speed[i] / 3.6, 3))
              .append("</ns3:Speed>");
          if (t.cadence != null && p.sport() != Sport.ROAD_BIKING) {
            x.append("<ns3:RunCadence>").append(t.cadence[i] / 2).append("</ns3:RunCadence>");
          }
          if (t.power != null) {
            x.append("<ns3:Watts>").append(t.power[i]).append("</ns3:Watts>");
          }
          x.append("</ns3:TPX></Extensions>\n");
        }
        x.append("          </Trackpoint>\n");
      }
      x.append("        </Track>\n");
      x.append("      </Lap>\n");
    }
    x.append("      <Creator xsi:type=\"Device_t\">\n");
    x.append("        <Name>").append(escape(p.device())).append("</Name>\n");
    x.append("        <UnitId>").append(Long.parseLong(p.deviceId(), 16)).append("</UnitId>\n");
    x.append("        <ProductID>0</ProductID>\n");
    x.append("        <Version><VersionMajor>6</VersionMajor><VersionMinor>1</VersionMinor>")
        .append("<BuildMajor>0</BuildMajor><BuildMinor>0</BuildMinor></Version>\n");
    x.append("      </Creator>\n");
    x.append("    </Activity>\n");
    x.append("  </Activities>\n");
    x.append("  <Author xsi:type=\"Application_t\">\n");
    x.append("    <Name>Polar Flow</Name>\n");
    x.append(
        "    <Build><Version><VersionMajor>1</VersionMajor><VersionMinor>0</VersionMinor></Version></Build>\n");
    x.append("    <LangID>EN</LangID>\n");
    x.append("    <PartNumber>XXX-XXXXX-XX</PartNumber>\n");
    x.append("  </Author>\n");
    x.append("</TrainingCenterDatabase>\n");
    return x.toString();
  }

  /**
   * A GPX 1.1 document with heart rate in Garmin's TrackPointExtension. Without {@code includePauseTimes} the points
   * recorded while paused are left out and the track splits into one segment per moving stretch.
   */
  public static String gpx(ExerciseTrack t, boolean includePauseTimes) {
    if (t.latitude == null || t.longitude == null || t.altitude == null) {
      throw new IllegalStateException("no route");
    }
    ExercisePlan p = t.plan;
    Instant start = start(p);
    StringBuilder x = new StringBuilder(t.size * 250 + 1000);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"")
        .append(" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(
            " xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd\"")
        .append(" version=\"1.1\" creator=\"Polar Flow\">\n");
    x.append("  <metadata>\n");
    x.append("    <name>").append(p.sport().detailedSportInfo()).append("</name>\n");
    x.append("    <time>").append(Formats.utcMillis(start)).append("</time>\n");
    x.append("  </metadata>\n");
    x.append("  <trk>\n");
    x.append("    <name>").append(p.sport().detailedSportInfo()).append("</name>\n");
    x.append("    <trkseg>\n");
    boolean inPause = false;
    for (int i = 0; i < t.size; i++) {
      if (!includePauseTimes && !t.moving[i]) {
        inPause = true;
        continue;
      }
      if (inPause) {
        x.append("    </trkseg>\n    <trkseg>\n");
        inPause = false;
      }
      x.append("      <trkpt lat=\"")
          .append(fmt(t.latitude[i], 8))
          .append("\" lon=\"")
          .append(fmt(t.longitude[i], 8))
          .append("\">\n");
      x.append("        <ele>").append(fmt(t.altitude[i], 1)).append("</ele>\n");
      x.append("        <time>")
          .append(Formats.utcMillis(start.plusSeconds(t.offset[i])))
          .append("</time>\n");
      if (t.heartRate != null) {
        x.append("        <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>")
            .append(t.heartRate[i])
            .append("</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>\n");
      }
      x.append("      </trkpt>\n");
    }
    x.append("    </trkseg>\n");
    x.append("  </trk>\n");
    x.append("</gpx>\n");
    return x.toString();
  }

  private static Instant start(ExercisePlan p) {
    return p.startLocal().toInstant(ZoneOffset.ofTotalSeconds(p.utcOffsetMinutes() * 60));
  }

  private static String tcxSport(Sport sport) {
    return switch (sport) {
      case RUNNING -> "Running";
      case ROAD_BIKING -> "Biking";
      default -> "Other";
    };
  }

  private static String fmt(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
