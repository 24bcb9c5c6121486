package dk.raaderum.platform.events;

import java.math.BigDecimal;

/** A change in staff for one budget year, in full-time equivalents (årsværk; negative: fewer), two decimals. */
public record YearFte(int year, BigDecimal fte) {
}
