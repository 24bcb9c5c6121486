package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.service.ProposalModels.FteInput;
import dk.raaderum.proposal.service.ProposalModels.OriginInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules a proposal's content must follow, each a 422 problem naming its rule:
 * <ul>
 * <li>{@code catalog-years}: amounts are given for exactly the catalog's four years, once each;</li>
 * <li>{@code creates-room}: a SAVING or EFFICIENCY creates room over the horizon (total net change &lt; 0);</li>
 * <li>{@code no-net-cost}: a SAVING or EFFICIENCY adds no net cost in any year (each year ≤ 0);</li>
 * <li>{@code expansion-costs}: an EXPANSION spends room (total &gt; 0);</li>
 * <li>{@code investment-profile}: an INVESTMENT has its cost and gains per year (≥ 0, both non-zero over the
 * horizon) and no separate operating change; its net change is cost − gains;</li>
 * <li>{@code saving-consequences}: a SAVING states its service consequences;</li>
 * <li>{@code origin-details}: a party proposal names the party, an idea-bank one the idea, another municipality's
 * the municipality code.</li>
 * </ul>
 */
final class ProposalRules {

    /** 422 rule: an origin names what its kind needs (an idea, a municipality) in the right form. */
    public static final String RULE_ORIGIN_DETAILS = "origin-details";
    /** 422 rule: a SAVING states its service consequences. */
    public static final String RULE_SAVING_CONSEQUENCES = "saving-consequences";

    private ProposalRules() {
    }

    /** The proposal's years, checked against the catalog and the type rules. */
    static List<ProposalYear> years(Catalog catalog, ProposalInput input) {
        return years(catalog.years(), input);
    }

    /** The same for a catalog's years (the budget year and its projection years), whether the catalog exists or not. */
    static List<ProposalYear> years(List<Integer> catalogYears, ProposalInput input) {
        ProposalType type = input.type();
        Map<Integer, BigDecimal> fte = fte(catalogYears, input.staffChange());
        if (type == ProposalType.INVESTMENT) {
            return investmentYears(catalogYears, input, fte);
        }
        if (input.investmentCost() != null && !input.investmentCost().isEmpty()
                || input.gains() != null && !input.gains().isEmpty()) {
            throw ProblemException.ruleViolation(ProposalType.RULE_INVESTMENT_PROFILE,
                    "Only an INVESTMENT has investmentCost and gains");
        }
        List<ProposalYear> years = new ArrayList<>();
        Map<Integer, Long> net = byYear(catalogYears, input.operatingChange(), "operatingChange");
        for (int year : catalogYears) {
            years.add(new ProposalYear(year, net.get(year), null, null, fte.get(year)));
        }
        type.checkNetChange(years.stream().map(year -> new YearAmount(year.year, year.netChange)).toList())
                .ifPresent(violation -> {
                    throw ProblemException.ruleViolation(violation.rule(), violation.detail());
                });
        if (type == ProposalType.SAVING && (input.serviceConsequences() == null || input.serviceConsequences().isBlank())) {
            throw ProblemException.ruleViolation(RULE_SAVING_CONSEQUENCES, "A besparelse states its service"
                    + " consequences plainly (serviceConsequences)",
                    List.of(new FieldError("serviceConsequences", "required for SAVING")));
        }
        return years;
    }

    /** An investment's years: net change = cost − gains, both at least 0, some of each within the horizon. */
    private static List<ProposalYear> investmentYears(List<Integer> catalogYears, ProposalInput input,
            Map<Integer, BigDecimal> fte) {
        if (input.operatingChange() != null && !input.operatingChange().isEmpty()) {
            throw ProblemException.ruleViolation(ProposalType.RULE_INVESTMENT_PROFILE, "An investment gives"
                    + " investmentCost and gains per year; its net change is cost minus gains, so operatingChange"
                    + " must be left out");
        }
        Map<Integer, Long> cost = byYear(catalogYears, input.investmentCost(), "investmentCost");
        Map<Integer, Long> gains = byYear(catalogYears, input.gains(), "gains");
        List<ProposalYear> years = new ArrayList<>();
        long totalCost = 0;
        long totalGains = 0;
        for (int year : catalogYears) {
            long c = cost.get(year);
            long g = gains.get(year);
            if (c < 0 || g < 0) {
                throw ProblemException.ruleViolation(ProposalType.RULE_INVESTMENT_PROFILE, "Investment cost and"
                        + " gains are amounts of at least 0 (" + year + ": cost " + c + ", gains " + g + ")");
            }
            totalCost += c;
            totalGains += g;
            years.add(new ProposalYear(year, c - g, c, g, fte.get(year)));
        }
        if (totalCost == 0 || totalGains == 0) {
            throw ProblemException.ruleViolation(ProposalType.RULE_INVESTMENT_PROFILE, "An investment has an"
                    + " investment cost and expected gains within the horizon (cost " + totalCost + ", gains "
                    + totalGains + ")");
        }
        return years;
    }

    /** 422 {@code origin-details}: the origin names what its kind needs; another municipality is a real other one. */
    static void origin(OriginInput origin, String municipality) {
        String missing = switch (origin.kind()) {
            case POLITICAL_PARTY -> blank(origin.party()) ? "party" : null;
            case IDEA_BANK -> origin.ideaId() == null ? "ideaId" : null;
            case OTHER_MUNICIPALITY -> blank(origin.municipalityCode()) ? "municipalityCode" : null;
            default -> null;
        };
        if (missing != null) {
            throw ProblemException.ruleViolation(RULE_ORIGIN_DETAILS,
                    "An origin of kind " + origin.kind() + " names its "
                    + missing, List.of(new FieldError("origin." + missing, "required for " + origin.kind())));
        }
        if (origin.kind() == OriginKind.OTHER_MUNICIPALITY && !Municipalities.exists(origin.municipalityCode())) {
            throw ProblemException.ruleViolation(RULE_ORIGIN_DETAILS, "'" + origin.municipalityCode()
                    + "' is not the code of a Danish municipality",
                    List.of(new FieldError("origin.municipalityCode", "unknown municipality")));
        }
        if (origin.kind() == OriginKind.OTHER_MUNICIPALITY && origin.municipalityCode().equals(municipality)) {
            throw ProblemException.ruleViolation(RULE_ORIGIN_DETAILS, "An origin of kind OTHER_MUNICIPALITY names"
                    + " another municipality than the catalog's own, " + municipality,
                    List.of(new FieldError("origin.municipalityCode", "the catalog's own municipality")));
        }
    }

    private static Map<Integer, Long> byYear(List<Integer> catalogYears, List<YearAmountInput> amounts, String field) {
        Map<Integer, Long> byYear = new HashMap<>();
        for (YearAmountInput amount : amounts == null ? List.<YearAmountInput>of() : amounts) {
            if (byYear.put(amount.year(), amount.amount()) != null) {
                throw ProblemException.ruleViolation(Catalog.RULE_CATALOG_YEARS, field + " gives " + amount.year()
                        + " twice");
            }
        }
        if (!byYear.keySet().equals(new TreeSet<>(catalogYears))) {
            throw ProblemException.ruleViolation(Catalog.RULE_CATALOG_YEARS, field + " must give exactly the catalog's"
                    + " years " + catalogYears + ", it gives " + new TreeSet<>(byYear.keySet()),
                    List.of(new FieldError(field, "years " + catalogYears)));
        }
        return byYear;
    }

    private static Map<Integer, BigDecimal> fte(List<Integer> catalogYears, List<FteInput> staff) {
        Map<Integer, BigDecimal> byYear = new HashMap<>();
        for (FteInput fte : staff == null ? List.<FteInput>of() : staff) {
            if (!catalogYears.contains(fte.year())) {
                throw ProblemException.ruleViolation(Catalog.RULE_CATALOG_YEARS, "staffChange gives " + fte.year()
                        + ", which is not one of the catalog's years " + catalogYears);
            }
            if (byYear.put(fte.year(), fte.fte()) != null) {
                throw ProblemException.ruleViolation(Catalog.RULE_CATALOG_YEARS, "staffChange gives " + fte.year()
                        + " twice");
            }
        }
        return byYear;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
