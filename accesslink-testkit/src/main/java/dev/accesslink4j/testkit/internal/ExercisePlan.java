package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.ExerciseSpec.Sport;
import java.time.LocalDateTime;

/**
 * Everything an exercise's data is generated from.
 *
 * @param sport the sport
 * @param startLocal device-local start
 * @param utcOffsetMinutes the device's UTC offset at the start
 * @param durationMillis the duration
 * @param heartRate whether heart rate was recorded
 * @param route whether a GPS route was recorded
 * @param seed the generator seed for the recording
 * @param maxHeartRate the user's maximum heart rate
 * @param restingHeartRate the user's resting heart rate
 * @param weightKg the user's weight
 * @param age the user's age
 * @param male whether the user is a man
 * @param device the device name
 * @param deviceId the device id
 */
public record ExercisePlan(
    Sport sport,
    LocalDateTime startLocal,
    int utcOffsetMinutes,
    long durationMillis,
    boolean heartRate,
    boolean route,
    long seed,
    int maxHeartRate,
    int restingHeartRate,
    double weightKg,
    int age,
    boolean male,
    String device,
    String deviceId) {}
