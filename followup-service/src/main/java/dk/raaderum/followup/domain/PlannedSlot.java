package dk.raaderum.followup.domain;

import java.time.LocalDate;

/** A report slot as the cadence plans it: one period of an expected year, its share of the gain and its due date. */
public record PlannedSlot(int year, Integer quarter, String period, long expected, LocalDate dueDate) {
}
