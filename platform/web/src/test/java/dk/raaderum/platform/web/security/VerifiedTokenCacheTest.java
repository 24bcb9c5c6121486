package dk.raaderum.platform.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** A verified token is found until its expiry and at most five minutes; a bounded number of them. */
class VerifiedTokenCacheTest {

    private Instant now = Instant.parse("2027-03-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(clock);

    @Test
    void foundUntilTheTokenExpires() {
        cache.remember("t", now.getEpochSecond() + 60, "varde-fo");
        assertEquals(Optional.of("varde-fo"), cache.lookup("t"));
        now = now.plusSeconds(59);
        assertEquals(Optional.of("varde-fo"), cache.lookup("t"));
        now = now.plusSeconds(1);
        assertEquals(Optional.empty(), cache.lookup("t"), "gone at exp, as the verifier refuses it then");
        assertEquals(0, cache.size());
    }

    @Test
    void atMostFiveMinutesHoweverLongTheTokenLives() {
        cache.remember("t", now.getEpochSecond() + 3_600, "varde-fo");
        now = now.plusSeconds(VerifiedTokenCache.MAX_SECONDS - 1);
        assertTrue(cache.lookup("t").isPresent());
        now = now.plusSeconds(1);
        assertEquals(Optional.empty(), cache.lookup("t"));
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotRemembered() {
        cache.remember("no-exp", 0, "a");
        cache.remember("expired", now.getEpochSecond(), "b");
        cache.remember(null, now.getEpochSecond() + 60, "c");
        assertEquals(0, cache.size());
        assertEquals(Optional.empty(), cache.lookup("no-exp"));
        assertEquals(Optional.empty(), cache.lookup(null));
    }

    @Test
    void boundedStartsAgainEmptyWhenFull() {
        for (int i = 0; i < VerifiedTokenCache.MAX_ENTRIES; i++) {
            cache.remember("t" + i, now.getEpochSecond() + 60, "u" + i);
        }
        assertEquals(VerifiedTokenCache.MAX_ENTRIES, cache.size());
        cache.remember("one-more", now.getEpochSecond() + 60, "x");
        assertEquals(1, cache.size());
        assertEquals(Optional.of("x"), cache.lookup("one-more"));
        assertEquals(Optional.empty(), cache.lookup("t0"));
    }
}
