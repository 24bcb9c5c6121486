package dk.raaderum.platform.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceIndexTest {

    private static final PriceIndex INDEX = PriceIndex.of(Map.of(2026, new BigDecimal("100"),
            2027, new BigDecimal("102.5"), 2028, new BigDecimal("104.5")));

    @Test
    void convertsByTheRatioOfTheTwoIndices() {
        assertEquals(10_250_000, INDEX.convert(10_000_000, 2026, 2027));
        assertEquals(-10_250_000, INDEX.convert(-10_000_000, 2026, 2027));
        assertEquals(10_000_000, INDEX.convert(10_250_000, 2027, 2026));
    }

    @Test
    void roundsHalfEvenToWholeKroner() {
        // 2 × 1.025 = 2.05 → 2
        assertEquals(2, INDEX.convert(2, 2026, 2027));
        // 20 × 1.025 = 20.5 → 20 (even); 60 × 1.025 = 61.5 → 62 (even)
        assertEquals(20, INDEX.convert(20, 2026, 2027));
        assertEquals(62, INDEX.convert(60, 2026, 2027));
        assertEquals(-62, INDEX.convert(-60, 2026, 2027));
        // 1 at 2027 → 2026: 1 / 1.025 = 0.9756 → 1; 104.5/102.5 × 41 = 41.8 → 42
        assertEquals(1, INDEX.convert(1, 2027, 2026));
        assertEquals(42, INDEX.convert(41, 2027, 2028));
    }

    @Test
    void isExactForLargeAmounts() {
        // 975,609,756,097 × 1.025 = 999,999,999,999.425: exact up to the bound, beyond it an error
        assertEquals(975_609_756_098L, INDEX.convert(975_609_756_098L, 2027, 2027));
        assertEquals(999_999_999_999L, INDEX.convert(975_609_756_097L, 2026, 2027));
        assertThrows(ArithmeticException.class, () -> INDEX.convert(YearAmount.MAX_ABS, 2026, 2027));
    }

    @Test
    void theSameYearNeedsNoIndex() {
        assertEquals(123, INDEX.convert(123, 2040, 2040));
    }

    @Test
    void aMissingYearIsNamed() {
        PriceLevelMissingException missing = assertThrows(PriceLevelMissingException.class,
                () -> INDEX.convert(1_000, 2025, 2027));
        assertEquals(2025, missing.year());
        assertTrue(missing.getMessage().contains("2025"), missing.getMessage());
        assertTrue(missing.getMessage().contains("2026–2028"), missing.getMessage());
        assertEquals(2035, assertThrows(PriceLevelMissingException.class, () -> INDEX.convert(1, 2027, 2035)).year());
    }

    @Test
    void theKlDefaultCovers2019To2031() {
        PriceIndex kl = PriceIndex.klDefault();
        assertEquals(2019, kl.indices().firstKey());
        assertEquals(2031, kl.indices().lastKey());
        assertEquals(new BigDecimal("100"), kl.index(2019));
        assertEquals(new BigDecimal("124.2587"), kl.index(2026));
        // 2026 → 2027 is the 2.2 % PL rate: 10 mio. × 126.9924 / 124.2587 = 10,220,000.69 → 10,220,001
        assertEquals(10_220_001, kl.convert(10_000_000, 2026, 2027));
        assertFalse(kl.has(2018));
    }

    @Test
    void overlayReplacesAndAddsYears() {
        PriceIndex own = INDEX.overlaidWith(Map.of(2027, new BigDecimal("103.0"), 2029, new BigDecimal("106")));
        assertEquals(new BigDecimal("103"), own.index(2027));
        assertEquals(new BigDecimal("106"), own.index(2029));
        assertEquals(new BigDecimal("100"), own.index(2026));
        assertEquals(10_300_000, own.convert(10_000_000, 2026, 2027));
    }

    @Test
    void refusesInvalidIndices() {
        assertThrows(IllegalArgumentException.class, () -> PriceIndex.of(Map.of(2027, BigDecimal.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> PriceIndex.of(Map.of(2027, new BigDecimal("-1"))));
        assertThrows(IllegalArgumentException.class, () -> PriceIndex.of(Map.of(1999, BigDecimal.TEN)));
        assertThrows(IllegalArgumentException.class, () -> PriceIndex.of(Map.of(2027, new BigDecimal("1.0000001"))));
    }
}
