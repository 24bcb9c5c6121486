package dk.raaderum.platform.events.followup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code dk.raaderum.benefit.report-overdue.v1} on {@code benefit.report-overdue}: a report slot passed its due date
 * without a report. Keyed by the initiative id.
 */
public record ReportOverdueV1(
        long initiativeId,
        String title,
        String areaCode,
        int year,
        String period,
        LocalDate dueDate,
        String ownerId,
        Instant detectedAt) {
}
