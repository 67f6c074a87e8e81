package dev.accesslink4j.sync.jdbc.internal;

/**
 * The shared budget's row: both of Polar's windows of one partner client. Immutable.
 *
 * @param shortWindow the 15-minute window
 * @param longWindow the 24-hour window
 */
public record BudgetRow(BudgetWindow shortWindow, BudgetWindow longWindow) {}
