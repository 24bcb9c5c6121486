package dk.raaderum.ideabank.domain;

import dk.raaderum.platform.events.BudgetYears;
import dk.raaderum.platform.events.PriceIndex;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules an idea's content follows, wherever it comes from (a submission, a shared proposal, an import row, a
 * curator's correction). Each broken rule names the field and a stable rule name, which clients see as the
 * {@code rule} of a 422 problem (submissions) or per row (imports). The type rules are the catalog's
 * ({@link ProposalType#checkNetChange}).
 */
public final class IdeaRules {

    public static final int TITLE_MAX = 300;
    public static final int SUMMARY_MAX = 1000;
    public static final int DESCRIPTION_MAX = 20_000;
    public static final int RATIONALE_MAX = 5000;
    public static final int CONSEQUENCES_MAX = 20_000;
    public static final int CONTACT_ROLE_MAX = 200;
    public static final int REFERENCE_MAX = 500;
    public static final int SOURCE_KEY_MAX = 200;
    public static final int TAG_MAX = 60;
    public static final int TAGS_MAX = 20;
    /** An idea is of a budget year any catalog may have, so that every shared proposal is taken. */
    public static final int FIRST_BUDGET_YEAR = BudgetYears.FIRST;
    public static final int LAST_BUDGET_YEAR = BudgetYears.LAST;
    /** How a budget year's range is told: in words and by KL's labels (B27 = 2027). */
    public static final String BUDGET_YEARS_TEXT = FIRST_BUDGET_YEAR + " … " + LAST_BUDGET_YEAR + " (or B00 … B99)";
    /** Largest payback time in years an idea may state. */
    public static final BigDecimal PAYBACK_MAX = new BigDecimal("50");

    /** A required field is missing or blank. */
    public static final String RULE_REQUIRED = "required";
    /** A text is longer than its limit, or a number outside its range. */
    public static final String RULE_OUT_OF_RANGE = "out-of-range";
    /** The area is not on the national list of policy areas. */
    public static final String RULE_UNKNOWN_AREA = "unknown-area";
    /** An amount's year is outside the idea's four budget years, or a year is given twice. */
    public static final String RULE_IDEA_YEARS = "idea-years";
    /** A municipality's own submission states all four budget years. */
    public static final String RULE_AMOUNTS_REQUIRED = "amounts-required";
    /** An INVESTMENT states its investment cost; other types state neither cost nor payback. */
    public static final String RULE_INVESTMENT_PROFILE = "investment-profile";
    /** A SAVING states its consequences plainly. */
    public static final String RULE_SAVING_CONSEQUENCES = "saving-consequences";
    /** An idea that reduces service states its consequences plainly. */
    public static final String RULE_SERVICE_CONSEQUENCES = "service-consequences";

    private IdeaRules() {
    }

    /** A broken rule: the rule name, the field (as the API names it) and what is wrong. */
    public record Violation(String rule, String field, String message) {
    }

    /**
     * Every rule {@code content} (normalised) breaks, in field order; empty when it is fine.
     *
     * @param allYears the four budget years must all be given (a municipality's submission); otherwise amounts are
     *        optional (a KL import may state only the first full year)
     */
    public static List<Violation> check(IdeaContent content, boolean allYears) {
        List<Violation> found = new ArrayList<>();
        texts(content, found);
        if (content.type() == null) {
            found.add(new Violation(RULE_REQUIRED, "type", "required: one of SAVING, EFFICIENCY, INVESTMENT, EXPANSION"));
        }
        if (content.areaCode() != null && !content.areaCode().isEmpty() && !PolicyAreas.exists(content.areaCode())) {
            found.add(new Violation(RULE_UNKNOWN_AREA, "areaCode", "'" + content.areaCode()
                    + "' is not on the national list of policy areas (GET /api/v1/ideas/policy-areas)"));
        }
        if (content.budgetYear() < FIRST_BUDGET_YEAR || content.budgetYear() > LAST_BUDGET_YEAR) {
            found.add(new Violation(RULE_OUT_OF_RANGE, "budgetYear", "a budget year of " + BUDGET_YEARS_TEXT));
            return found;
        }
        amounts(content, allYears, found);
        if (content.type() != null) {
            typeRules(content, found);
        }
        return found;
    }

    private static void texts(IdeaContent c, List<Violation> found) {
        required(c.title(), "title", TITLE_MAX, found);
        limit(c.summary(), "summary", SUMMARY_MAX, found);
        limit(c.description(), "description", DESCRIPTION_MAX, found);
        required(c.classificationRationale(), "classificationRationale", RATIONALE_MAX, found);
        required(c.areaCode(), "areaCode", TAG_MAX, found);
        limit(c.consequences(), "consequences", CONSEQUENCES_MAX, found);
        limit(c.contactRole(), "contactRole", CONTACT_ROLE_MAX, found);
        limit(c.sourceReference(), "sourceReference", REFERENCE_MAX, found);
        limit(c.sourceKey(), "number", SOURCE_KEY_MAX, found);
        if (c.tags().size() > TAGS_MAX) {
            found.add(new Violation(RULE_OUT_OF_RANGE, "tags", "at most " + TAGS_MAX + " tags"));
        }
        c.tags().stream().filter(tag -> tag.length() > TAG_MAX).findFirst().ifPresent(tag -> found.add(
                new Violation(RULE_OUT_OF_RANGE, "tags", "a tag has at most " + TAG_MAX + " characters")));
    }

    private static void amounts(IdeaContent c, boolean allYears, List<Violation> found) {
        Set<Integer> seen = new HashSet<>();
        for (YearAmount amount : c.amounts()) {
            if (amount.year() < c.budgetYear() || amount.year() >= c.budgetYear() + YearlyAmounts.YEARS) {
                found.add(new Violation(RULE_IDEA_YEARS, "amounts", amount.year() + " is not one of the budget years "
                        + c.budgetYear() + " … " + (c.budgetYear() + YearlyAmounts.YEARS - 1)));
            } else if (!seen.add(amount.year())) {
                found.add(new Violation(RULE_IDEA_YEARS, "amounts", amount.year() + " is given twice"));
            }
            if (Math.abs(amount.amount()) > YearAmount.MAX_ABS) {
                found.add(new Violation(RULE_OUT_OF_RANGE, "amounts", "an amount is at most 1,000 mia. kr. either way"));
            }
        }
        if (allYears && seen.size() < YearlyAmounts.YEARS) {
            found.add(new Violation(RULE_AMOUNTS_REQUIRED, "amounts", "give the amount of each of the four budget years "
                    + c.budgetYear() + " … " + (c.budgetYear() + YearlyAmounts.YEARS - 1)));
        }
        if (c.priceLevelYear() != null && (c.priceLevelYear() < PriceIndex.MIN_YEAR
                || c.priceLevelYear() > PriceIndex.MAX_YEAR)) {
            found.add(new Violation(RULE_OUT_OF_RANGE, "priceLevelYear", "a year of " + PriceIndex.MIN_YEAR + " … "
                    + PriceIndex.MAX_YEAR));
        }
        if (c.fteChange() != null && (c.fteChange().scale() > 2 || c.fteChange().abs().compareTo(new BigDecimal("100000")) >= 0)) {
            found.add(new Violation(RULE_OUT_OF_RANGE, "fteChange", "full-time equivalents with at most two decimals,"
                    + " less than 100,000 either way"));
        }
    }

    private static void typeRules(IdeaContent c, List<Violation> found) {
        if (!c.amounts().isEmpty() && found.stream().noneMatch(v -> v.field().equals("amounts"))) {
            c.type().checkNetChange(c.amounts()).ifPresent(v -> found.add(new Violation(v.rule(), "amounts", v.detail())));
        }
        boolean investment = c.type() == ProposalType.INVESTMENT;
        if (investment && (c.investmentCost() == null || c.investmentCost() <= 0) && !c.amounts().isEmpty()) {
            found.add(new Violation(RULE_INVESTMENT_PROFILE, "investmentCost", "an investment states its investment"
                    + " cost (more than 0 kr.)"));
        }
        if (investment && c.investmentCost() != null && (c.investmentCost() < 0 || c.investmentCost() > YearAmount.MAX_ABS)) {
            found.add(new Violation(RULE_OUT_OF_RANGE, "investmentCost", "0 … 1,000 mia. kr."));
        }
        if (investment && c.paybackYears() != null && (c.paybackYears().signum() <= 0
                || c.paybackYears().compareTo(PAYBACK_MAX) > 0 || c.paybackYears().scale() > 1)) {
            found.add(new Violation(RULE_OUT_OF_RANGE, "paybackYears", "more than 0 and at most 50 years, one decimal"));
        }
        if (!investment && (c.investmentCost() != null || c.paybackYears() != null)) {
            found.add(new Violation(RULE_INVESTMENT_PROFILE, c.investmentCost() != null ? "investmentCost" : "paybackYears",
                    "only an INVESTMENT has an investment cost and a payback time"));
        }
        if (c.consequences() == null && c.type() == ProposalType.SAVING) {
            found.add(new Violation(RULE_SAVING_CONSEQUENCES, "consequences", "a besparelse states its consequences"
                    + " plainly"));
        } else if (c.consequences() == null && c.reducesService()) {
            found.add(new Violation(RULE_SERVICE_CONSEQUENCES, "consequences", "an idea that reduces service states its"
                    + " consequences plainly"));
        }
    }

    private static void required(String text, String field, int max, List<Violation> found) {
        if (text == null || text.isBlank()) {
            found.add(new Violation(RULE_REQUIRED, field, "required"));
        } else {
            limit(text, field, max, found);
        }
    }

    private static void limit(String text, String field, int max, List<Violation> found) {
        if (text != null && text.length() > max) {
            found.add(new Violation(RULE_OUT_OF_RANGE, field, "at most " + max + " characters"));
        }
    }
}
