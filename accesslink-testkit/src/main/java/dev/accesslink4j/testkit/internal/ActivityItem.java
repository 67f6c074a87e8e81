package dev.accesslink4j.testkit.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One activity summary as the deprecated activity transactions offer it: a snapshot of a day, taken at a sync.
 *
 * @param id the activity id
 * @param date the day
 * @param created when AccessLink took the snapshot
 */
public record ActivityItem(long id, LocalDate date, Instant created) {}
