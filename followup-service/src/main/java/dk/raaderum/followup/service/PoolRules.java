package dk.raaderum.followup.service;

import dk.raaderum.followup.service.InitiativeModels.YearAmountInput;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The input rules that investment pools and their applications share, and the rule names clients see. */
final class PoolRules {

    /** 422 rule: a pool amount, an investment cost or an expected gain below 0. */
    static final String RULE_NEGATIVE_AMOUNT = "negative-amount";
    /** 422 rule: a change of a pool would take a year's amount below what is granted in it. */
    static final String RULE_POOL_BELOW_GRANTED = "pool-below-granted";
    /** 422 rule: an application without a year with an investment cost above 0. */
    static final String RULE_INVESTMENT_COST_REQUIRED = "investment-cost-required";
    /** 422 rule: an investment cost in a year the pool does not have. */
    static final String RULE_YEAR_OUTSIDE_POOL = "year-outside-pool";
    /** 422 rule: an investment cost larger than the pool's whole amount of the year. */
    static final String RULE_BEYOND_POOL = "beyond-pool";
    /** 422 rule: the stated payback does not follow from the amounts ({@code computedPayback} says what does). */
    static final String RULE_PAYBACK_INCONSISTENT = "payback-inconsistent";
    /** 422 rule (shared with initiatives): each year once. */
    static final String RULE_DUPLICATE_YEAR = "duplicate-year";

    private PoolRules() {
    }

    /** The amounts by year: each year once (duplicate-year) and 0 or more (negative-amount), every bad item named. */
    static SortedMap<Integer, Long> byYear(String field, List<YearAmountInput> amounts) {
        SortedMap<Integer, Long> byYear = new TreeMap<>();
        List<FieldError> duplicates = new ArrayList<>();
        List<FieldError> negative = new ArrayList<>();
        List<YearAmountInput> given = amounts == null ? List.of() : amounts;
        for (int i = 0; i < given.size(); i++) {
            YearAmountInput item = given.get(i);
            if (byYear.put(item.year(), item.amount()) != null) {
                duplicates.add(new FieldError(field + "[" + i + "].year", item.year() + " is given twice"));
            }
            if (item.amount() < 0) {
                negative.add(new FieldError(field + "[" + i + "].amount", "must be 0 or more"));
            }
        }
        if (!duplicates.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_DUPLICATE_YEAR, "Each year may be given once", duplicates);
        }
        if (!negative.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_NEGATIVE_AMOUNT, "Pool amounts, investment costs and expected"
                    + " gains are whole kroner, 0 or more", negative);
        }
        return byYear;
    }

    /** The field errors of the items of {@code amounts} whose year is in {@code years}. */
    static List<FieldError> errorsFor(String field, List<YearAmountInput> amounts, Map<Integer, String> years) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            String message = years.get(amounts.get(i).year());
            if (message != null) {
                errors.add(new FieldError(field + "[" + i + "].year", message));
            }
        }
        return errors;
    }

    static List<YearAmount> yearAmounts(Map<Integer, Long> byYear) {
        return byYear.entrySet().stream().map(e -> new YearAmount(e.getKey(), e.getValue())).toList();
    }
}
