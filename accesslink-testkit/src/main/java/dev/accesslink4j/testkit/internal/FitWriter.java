package dev.accesslink4j.testkit.internal;

import com.garmin.fit.Activity;
import com.garmin.fit.ActivityMesg;
import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.LapMesg;
import com.garmin.fit.LapTrigger;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SessionTrigger;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Writes a FIT activity file with the Garmin FIT SDK's in-memory {@link BufferEncoder}: file id, device info, timer
 * events (including the pause), one record per point, laps, a session and the activity, in the order the FIT
 * activity-file profile asks for. Sports map as in Polar's appendix (running STREET, cycling ROAD, strength TRAINING).
 */
public final class FitWriter {
  private static final double SEMICIRCLES = Math.pow(2, 31) / 180.0;

  private FitWriter() {}

  /** The FIT bytes for a track. */
  public static byte[] write(ExerciseTrack t) {
    ExercisePlan p = t.plan;
    Instant start = p.startLocal().toInstant(ZoneOffset.ofTotalSeconds(p.utcOffsetMinutes() * 60));
    BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);

    FileIdMesg fileId = new FileIdMesg();
    fileId.setType(File.ACTIVITY);
    fileId.setManufacturer(Manufacturer.POLAR_ELECTRO);
    fileId.setProduct(1);
    fileId.setSerialNumber(Long.parseLong(p.deviceId(), 16) & 0xFFFFFFFFL);
    fileId.setTimeCreated(at(start));
    encoder.write(fileId);

    DeviceInfoMesg device = new DeviceInfoMesg();
    device.setTimestamp(at(start));
    device.setManufacturer(Manufacturer.POLAR_ELECTRO);
    device.setProductName(p.device());
    device.setSerialNumber(Long.parseLong(p.deviceId(), 16) & 0xFFFFFFFFL);
    encoder.write(device);

    encoder.write(event(start, EventType.START));
    boolean paused = false;
    for (int i = 0; i < t.size; i++) {
      Instant time = start.plusSeconds(t.offset[i]);
      if (!t.moving[i] && !paused) {
        encoder.write(event(time, EventType.STOP_ALL));
        paused = true;
      } else if (t.moving[i] && paused) {
        encoder.write(event(time, EventType.START));
        paused = false;
      }
      RecordMesg r = new RecordMesg();
      r.setTimestamp(at(time));
      if (t.heartRate != null) {
        r.setHeartRate((short) t.heartRate[i]);
      }
      if (t.speed != null) {
        r.setSpeed((float) (t.speed[i] / 3.6));
      }
      if (t.distance != null) {
        r.setDistance((float) t.distance[i]);
      }
      if (t.latitude != null && t.longitude != null && t.altitude != null) {
        r.setPositionLat((int) Math.round(t.latitude[i] * SEMICIRCLES));
        r.setPositionLong((int) Math.round(t.longitude[i] * SEMICIRCLES));
        r.setAltitude((float) t.altitude[i]);
      }
      if (t.cadence != null) {
        int c = t.cadence[i];
        r.setCadence((short)
            (p.sport() == dev.accesslink4j.testkit.ExerciseSpec.Sport.ROAD_BIKING ? c : c / 2));
      }
      if (t.power != null) {
        r.setPower(t.power[i]);
      }
      r.setTemperature((byte) Math.round(t.temperature[i]));
      encoder.write(r);
    }
    Instant end = start.plusMillis(p.durationMillis());
    encoder.write(event(end, EventType.STOP_ALL));

    int index = 0;
    for (int[] lap : t.laps) {
      int from = lap[0];
      int to = lap[1];
      Instant lapStart = start.plusSeconds(t.offset[from]);
      Instant lapEnd = to >= t.size ? end : start.plusSeconds(t.offset[to - 1]);
      float elapsed = (float) ((lapEnd.toEpochMilli() - lapStart.toEpochMilli()) / 1000.0);
      LapMesg m = new LapMesg();
      m.setMessageIndex(index++);
      m.setTimestamp(at(lapEnd));
      m.setStartTime(at(lapStart));
      m.setEvent(Event.LAP);
      m.setEventType(EventType.STOP);
      m.setLapTrigger(to >= t.size ? LapTrigger.SESSION_END : LapTrigger.DISTANCE);
      m.setTotalElapsedTime(elapsed);
      m.setTotalTimerTime(elapsed);
      if (t.distance != null) {
        m.setTotalDistance((float) (t.distance[to - 1] - (from == 0 ? 0 : t.distance[from - 1])));
      }
      if (t.heartRate != null) {
        m.setAvgHeartRate((short) t.averageHeartRate(from, to));
        m.setMaxHeartRate((short) t.maxHeartRate(from, to));
      }
      m.setTotalCalories((int) Math.round(t.calories(from, to)));
      if (t.latitude != null && t.longitude != null) {
        m.setStartPositionLat((int) Math.round(t.latitude[from] * SEMICIRCLES));
        m.setStartPositionLong((int) Math.round(t.longitude[from] * SEMICIRCLES));
      }
      encoder.write(m);
    }

    float total = (float) (p.durationMillis() / 1000.0);
    SessionMesg s = new SessionMesg();
    s.setMessageIndex(0);
    s.setTimestamp(at(end));
    s.setStartTime(at(start));
    s.setEvent(Event.SESSION);
    s.setEventType(EventType.STOP);
    s.setTrigger(SessionTrigger.ACTIVITY_END);
    s.setSport(sport(p));
    s.setSubSport(subSport(p));
    s.setTotalElapsedTime(total);
    s.setTotalTimerTime(total);
    if (t.distance != null) {
      s.setTotalDistance((float) t.totalDistance());
      s.setAvgSpeed((float) (t.totalDistance() / total));
      s.setMaxSpeed((float) (t.maxSpeed(0, t.size) / 3.6));
    }
    if (t.heartRate != null) {
      s.setAvgHeartRate((short) t.averageHeartRate(0, t.size));
      s.setMaxHeartRate((short) t.maxHeartRate(0, t.size));
    }
    s.setTotalCalories((int) Math.round(t.calories(0, t.size)));
    s.setFirstLapIndex(0);
    s.setNumLaps(t.laps.size());
    encoder.write(s);

    ActivityMesg a = new ActivityMesg();
    a.setTimestamp(at(end));
    a.setTotalTimerTime(total);
    a.setNumSessions(1);
    a.setType(Activity.MANUAL);
    a.setEvent(Event.ACTIVITY);
    a.setEventType(EventType.STOP);
    a.setLocalTimestamp(at(end).getTimestamp() + p.utcOffsetMinutes() * 60L);
    encoder.write(a);
    return encoder.close();
  }

  private static EventMesg event(Instant time, EventType type) {
    EventMesg e = new EventMesg();
    e.setTimestamp(at(time));
    e.setEvent(Event.TIMER);
    e.setEventType(type);
    return e;
  }

  private static DateTime at(Instant instant) {
    return new DateTime(Date.from(instant));
  }

  private static Sport sport(ExercisePlan p) {
    return switch (p.sport()) {
      case RUNNING -> Sport.RUNNING;
      case ROAD_BIKING -> Sport.CYCLING;
      case WALKING -> Sport.WALKING;
      case STRENGTH_TRAINING -> Sport.TRAINING;
      case POOL_SWIMMING -> Sport.SWIMMING;
    };
  }

  private static SubSport subSport(ExercisePlan p) {
    return switch (p.sport()) {
      case RUNNING -> SubSport.STREET;
      case ROAD_BIKING -> SubSport.ROAD;
      case STRENGTH_TRAINING -> SubSport.STRENGTH_TRAINING;
      case POOL_SWIMMING -> SubSport.LAP_SWIMMING;
      case WALKING -> SubSport.GENERIC;
    };
  }
}
