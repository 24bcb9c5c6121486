package dk.raaderum.followup.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in every test of the module (replaces the platform's system clock). It stands still at
 * {@link #START}, mid-January 2027, so reports on 2027 are possible and no 2026-or-later slot is due yet; a test
 * moves it with {@link #set} and puts it back with {@link #reset} (in {@code @AfterEach}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2027-01-15T09:00:00Z");

    private volatile Instant now = START;

    public void set(Instant instant) {
        now = instant;
    }

    /** Noon (Copenhagen) of the given day. */
    public void setDay(LocalDate day) {
        now = day.atTime(12, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant();
    }

    public void reset() {
        now = START;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
