package dev.accesslink4j.sync.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One item of a daily kind with its date (null when AccessLink sent none).
 *
 * @param date the item's date
 * @param value the parsed item
 */
public record Dated(@Nullable LocalDate date, Object value) {}
