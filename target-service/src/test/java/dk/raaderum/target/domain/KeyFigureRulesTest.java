package dk.raaderum.target.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.raaderum.target.domain.KeyFigure.YearFigure;
import dk.raaderum.target.domain.KeyFigureRules.Change;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The key figure rules of the economic policy as a pure function. */
class KeyFigureRulesTest {

    private static final int FIRST = 2027;

    private static List<YearFigure> years(String... values) {
        return java.util.stream.IntStream.range(0, values.length)
                .mapToObj(i -> new YearFigure(FIRST + i, new BigDecimal(values[i]))).toList();
    }

    private static KeyFigure room() {
        return new KeyFigure("room", "Budgethåndtag 1,5 %", KeyFigureKind.ROOM, FigureUnit.PERCENT, BoundType.AT_LEAST,
                years("1.5", "1.5", "1.5", "1.5"), List.of(), years("1200000000", "1210000000", "1220000000",
                        "1230000000"), BasisSource.BASE_BUDGET);
    }

    private static KeyFigure cash(String key) {
        return new KeyFigure(key, "Likviditet", KeyFigureKind.CASH_HOLDINGS, FigureUnit.KRONER, BoundType.AT_LEAST,
                years("100000000", "100000000", "100000000", "100000000"), years("140000000", "120000000", "105000000",
                        "95000000"), List.of(), null);
    }

    private static List<String> rules(KeyFigure... figures) {
        return KeyFigureRules.check(FIRST, List.of(figures)).stream().map(RuleBreach::rule).toList();
    }

    @Test
    void halsnaesRoomAndCashHoldingsKeepEveryRule() {
        assertEquals(List.of(), rules(room(), cash("cash-holdings")));
    }

    @Test
    void theRoomOfOnePointFivePercentIsEighteenMillionOfTwelveHundredMillion() {
        assertEquals(18_000_000L, KeyFigureRules.boundAmount(room(), 2027));
        assertEquals(18_450_000L, KeyFigureRules.boundAmount(room(), 2030));
        assertNull(KeyFigureRules.boundAmount(cash("cash"), 2027));
    }

    @Test
    void aFigureWithoutUnitOrBoundTypeOrKindIsNamed() {
        KeyFigure c = cash("cash");
        List<RuleBreach> breaches = KeyFigureRules.check(FIRST, List.of(new KeyFigure(c.key(), c.name(), null, null, null,
                c.bounds(), c.baseline(), List.of(), null)));
        assertEquals(List.of("key-figure-kind", "key-figure-unit", "key-figure-bound-type"),
                breaches.stream().map(RuleBreach::rule).toList());
        assertEquals(List.of("keyFigures[0].kind", "keyFigures[0].unit", "keyFigures[0].boundType"),
                breaches.stream().map(RuleBreach::field).toList());
    }

    @Test
    void aBoundMissingForOneYearOrGivenForAnotherYearIsNamed() {
        KeyFigure c = cash("cash");
        KeyFigure threeYears = new KeyFigure("cash", "x", c.kind(), c.unit(), c.boundType(),
                years("1", "1", "1"), c.baseline(), List.of(), null);
        List<RuleBreach> breaches = KeyFigureRules.check(FIRST, List.of(threeYears));
        assertEquals("key-figure-years", breaches.get(0).rule());
        assertEquals("keyFigures[0].bounds", breaches.get(0).field());
        assertEquals(true, breaches.get(0).message().contains("[2030]"));
        List<YearFigure> wrongYear = List.of(new YearFigure(2027, BigDecimal.ONE), new YearFigure(2028, BigDecimal.ONE),
                new YearFigure(2029, BigDecimal.ONE), new YearFigure(2031, BigDecimal.ONE));
        assertEquals("keyFigures[0].bounds[3].year", KeyFigureRules.check(FIRST, List.of(new KeyFigure("cash", "x",
                c.kind(), c.unit(), c.boundType(), wrongYear, c.baseline(), List.of(), null))).get(0).field());
    }

    @Test
    void duplicateKeysArePointedAtTheSecond() {
        List<RuleBreach> breaches = KeyFigureRules.check(FIRST, List.of(cash("cash"), cash("cash")));
        assertEquals(List.of("key-figure-duplicate"), breaches.stream().map(RuleBreach::rule).toList());
        assertEquals("keyFigures[1].key", breaches.get(0).field());
    }

    @Test
    void aPercentNeedsABasisAndKronerHaveNone() {
        KeyFigure r = room();
        assertEquals(List.of("key-figure-basis"), rules(new KeyFigure(r.key(), r.name(), r.kind(), r.unit(),
                r.boundType(), r.bounds(), List.of(), List.of(), null)));
        KeyFigure c = cash("cash");
        assertEquals(List.of("key-figure-basis"), rules(new KeyFigure(c.key(), c.name(), c.kind(), c.unit(),
                c.boundType(), c.bounds(), c.baseline(), r.basis(), BasisSource.GIVEN)));
    }

    @Test
    void aPercentIsOfAnAmountAboveZero() {
        KeyFigure r = room();
        List<RuleBreach> breaches = KeyFigureRules.check(FIRST, List.of(new KeyFigure(r.key(), r.name(), r.kind(),
                r.unit(), r.boundType(), r.bounds(), List.of(), years("5000000000", "-1000", "0", "5000000000"),
                BasisSource.GIVEN)));
        assertEquals(List.of("key-figure-basis", "key-figure-basis"), breaches.stream().map(RuleBreach::rule).toList());
        assertEquals(List.of("keyFigures[0].basis[1].value", "keyFigures[0].basis[2].value"),
                breaches.stream().map(RuleBreach::field).toList());
    }

    @Test
    void theRoomHasNoBaselineAndEveryOtherFigureHasOne() {
        KeyFigure r = room();
        assertEquals(List.of("room-baseline"), rules(new KeyFigure(r.key(), r.name(), r.kind(), r.unit(),
                r.boundType(), r.bounds(), years("0", "0", "0", "0"), r.basis(), r.basisSource())));
        KeyFigure c = cash("cash");
        assertEquals(List.of("key-figure-baseline"), rules(new KeyFigure(c.key(), c.name(), c.kind(), c.unit(),
                c.boundType(), c.bounds(), List.of(), List.of(), null)));
    }

    @Test
    void amountsBeyondTheBoundOrNotWholeAndPercentsBeyondAThousandAreNamed() {
        KeyFigure c = cash("cash");
        assertEquals(List.of("key-figure-amount"), rules(new KeyFigure(c.key(), c.name(), c.kind(), c.unit(),
                c.boundType(), years("1000000000001", "1", "1", "1"), c.baseline(), List.of(), null)));
        assertEquals(List.of("key-figure-amount"), rules(new KeyFigure(c.key(), c.name(), c.kind(), c.unit(),
                c.boundType(), years("1000000000000", "-1000000000000", "1.5", "1"), c.baseline(), List.of(), null)));
        KeyFigure r = room();
        assertEquals(List.of("key-figure-percent"), rules(new KeyFigure(r.key(), r.name(), r.kind(), r.unit(),
                r.boundType(), years("1000.0001", "1", "1", "1"), List.of(), r.basis(), r.basisSource())));
        assertEquals(List.of("key-figures-required"), rules());
    }

    @Test
    void normalisedValuesMakeOnePointFiftyAndOnePointFiveTheSameBound() {
        KeyFigure r = room();
        KeyFigure trailing = new KeyFigure(r.key(), r.name(), r.kind(), r.unit(), r.boundType(),
                years("1.50", "1.5", "1.5", "1.5"), List.of(), years("1200000000.00", "1210000000", "1220000000",
                        "1230000000"), BasisSource.GIVEN);
        assertEquals(Map.of(), KeyFigureRules.changes(List.of(r), List.of(trailing)));
        assertEquals("1200000000", KeyFigureRules.normalised(trailing).basis().get(0).value().toPlainString());
        assertEquals("100", KeyFigureRules.normalised(new KeyFigure("p", "p", KeyFigureKind.OTHER, FigureUnit.PERCENT,
                BoundType.AT_MOST, years("100.00", "1", "1", "1"), years("1", "1", "1", "1"), r.basis(), null))
                .bounds().get(0).value().toPlainString());
    }

    @Test
    void changesNameTheFiguresAddedChangedAndRemoved() {
        KeyFigure r = room();
        KeyFigure stricter = new KeyFigure(r.key(), r.name(), r.kind(), r.unit(), r.boundType(),
                years("2", "2", "2", "2"), List.of(), r.basis(), r.basisSource());
        Map<String, Change> changes = KeyFigureRules.changes(List.of(r, cash("cash")), List.of(stricter, cash("debt")));
        assertEquals(Map.of("room", Change.CHANGED, "debt", Change.ADDED, "cash", Change.REMOVED), changes);
        assertEquals(List.of("room", "debt", "cash"), List.copyOf(changes.keySet()));
    }
}
