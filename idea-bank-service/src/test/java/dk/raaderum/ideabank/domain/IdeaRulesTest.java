package dk.raaderum.ideabank.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

/** The content rules of an idea, as pure functions. */
class IdeaRulesTest {

    private static IdeaContent idea(ProposalType type, List<YearAmount> amounts) {
        return new IdeaContent(" Videobesøg ", "", null, type, "Begrundelse", false, "aeldre", List.of(" Video", "video"),
                2022, null, amounts, null, type == ProposalType.INVESTMENT ? 1_000L : null, null,
                type == ProposalType.SAVING ? "Færre besøg" : null, null, null, "ÆLD-1").normalised();
    }

    private static List<String> rules(IdeaContent content, boolean allYears) {
        return IdeaRules.check(content, allYears).stream().map(IdeaRules.Violation::rule).toList();
    }

    @Test
    void normalisingStripsTextsSortsYearsAndSetsThePriceLevel() {
        IdeaContent c = idea(ProposalType.EFFICIENCY, List.of(new YearAmount(2023, -2), new YearAmount(2022, -1)));
        assertEquals("Videobesøg", c.title());
        assertEquals(null, c.summary());
        assertEquals(List.of("video"), c.tags());
        assertEquals(List.of(2022, 2023), c.amounts().stream().map(YearAmount::year).toList());
        assertEquals(2022, c.priceLevelYear());
        assertEquals(c.hash(), idea(ProposalType.EFFICIENCY, List.of(new YearAmount(2022, -1), new YearAmount(2023, -2)))
                .hash(), "equal content, equal hash");
    }

    @Test
    void amountsAreOptionalForImportsButCheckedWhenGiven() {
        assertEquals(List.of(), rules(idea(ProposalType.SAVING, List.of()), false));
        assertEquals(List.of(IdeaRules.RULE_AMOUNTS_REQUIRED), rules(idea(ProposalType.SAVING, List.of()), true));
        assertEquals(List.of(ProposalType.RULE_CREATES_ROOM), rules(idea(ProposalType.SAVING,
                List.of(new YearAmount(2022, 0))), false));
        assertEquals(List.of(IdeaRules.RULE_IDEA_YEARS), rules(idea(ProposalType.EFFICIENCY,
                List.of(new YearAmount(2026, -1))), false));
        assertEquals(List.of(IdeaRules.RULE_IDEA_YEARS), rules(idea(ProposalType.EFFICIENCY,
                List.of(new YearAmount(2022, -1), new YearAmount(2022, -1))), false));
        assertEquals(List.of(), rules(idea(ProposalType.INVESTMENT, List.of(new YearAmount(2022, 500))), false));
    }

    @Test
    void theTypeDecidesWhatElseIsNeeded() {
        IdeaContent withoutCost = new IdeaContent("Vasketoiletter", null, null, ProposalType.INVESTMENT, "Investering",
                false, "aeldre", List.of(), 2022, null, List.of(new YearAmount(2022, 100)), null, null, null, null, null,
                null, "X").normalised();
        assertEquals(List.of(IdeaRules.RULE_INVESTMENT_PROFILE), rules(withoutCost, false));
        IdeaContent reducing = new IdeaContent("Lukkedage", null, null, ProposalType.EFFICIENCY, "Færre dage", true,
                "dagtilbud", List.of(), 2022, null, List.of(), new BigDecimal("1.255"), null, null, null, null, null, "X")
                .normalised();
        List<String> found = rules(reducing, false);
        assertTrue(found.contains(IdeaRules.RULE_SERVICE_CONSEQUENCES), found.toString());
        assertTrue(found.contains(IdeaRules.RULE_OUT_OF_RANGE), "FTE with three decimals: " + found);
        IdeaContent unknownArea = new IdeaContent("x", null, null, ProposalType.EXPANSION, "y", false, "ældre",
                List.of(), 2101, null, List.of(), null, null, null, null, null, null, "X").normalised();
        assertEquals(List.of(IdeaRules.RULE_UNKNOWN_AREA, IdeaRules.RULE_OUT_OF_RANGE), rules(unknownArea, false));
    }

    @Test
    void aChangeListsTheFieldsWithOldAndNewValues() {
        IdeaContent before = idea(ProposalType.EFFICIENCY, List.of(new YearAmount(2022, -1)));
        IdeaContent after = before.corrected(null, null, "sundhed", List.of("tele"), null);
        assertEquals(List.of(new IdeaContent.Change("areaCode", "aeldre", "sundhed"),
                new IdeaContent.Change("tags", "video", "tele")), after.changesFrom(before));
    }
}
