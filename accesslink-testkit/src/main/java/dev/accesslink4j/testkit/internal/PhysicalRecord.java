package dev.accesslink4j.testkit.internal;

import java.time.Instant;

/**
 * One synced physical information record.
 *
 * @param id the physical information id
 * @param created when it was created
 * @param weightKg weight
 * @param heightCm height
 * @param maxHeartRate maximum heart rate
 * @param restingHeartRate resting heart rate
 * @param aerobicThreshold aerobic threshold
 * @param anaerobicThreshold anaerobic threshold
 * @param vo2Max VO2max
 * @param weightSource {@code SOURCE_MEASURED} or {@code SOURCE_USER}
 */
public record PhysicalRecord(
    long id,
    Instant created,
    double weightKg,
    double heightCm,
    int maxHeartRate,
    int restingHeartRate,
    int aerobicThreshold,
    int anaerobicThreshold,
    int vo2Max,
    String weightSource) {}
