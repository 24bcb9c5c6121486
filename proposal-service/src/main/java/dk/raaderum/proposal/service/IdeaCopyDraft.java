package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.idea.IdeaCopyRequestedV1;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.service.ProposalModels.FteInput;
import dk.raaderum.proposal.service.ProposalModels.OriginInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;

/**
 * How an idea becomes a draft proposal in a catalog ("use this idea"): its texts, type and rationale as published,
 * origin IDEA_BANK, and its yearly amounts moved onto the catalog's four years: the idea's first budget year becomes
 * the catalog's, and so on; a year the idea does not state takes the year before it (a full-year effect goes on),
 * and years before the first stated one are 0. An investment's cost falls in the first year, its gains are what
 * makes the net change. Amounts are PL-regulated from the idea's price level to the catalog's when the municipality's
 * price index has both years ({@link IdeaCopies}). The finance officer adjusts all of it in the draft.
 */
final class IdeaCopyDraft {

    /** A SAVING states its consequences; an idea without them gets this in the draft, to be written before presenting. */
    static final String CONSEQUENCES_TO_WRITE = "Idéen beskriver ikke konsekvenserne for borgerne: beskriv dem, før"
            + " forslaget indstilles.";

    private IdeaCopyDraft() {
    }

    /**
     * The draft's content, its amounts turned into the catalog's prices by {@code prices}; empty amounts when the idea
     * states none (the catalog's rules then refuse it).
     */
    static ProposalInput of(IdeaCopyRequestedV1 idea, Catalog catalog, LongUnaryOperator prices) {
        List<Long> net = yearly(idea, prices);
        List<Integer> years = catalog.years();
        boolean investment = ProposalType.valueOf(idea.type()) == ProposalType.INVESTMENT;
        List<YearAmountInput> operating = new ArrayList<>();
        List<YearAmountInput> cost = new ArrayList<>();
        List<YearAmountInput> gains = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            long change = net.get(i);
            if (investment) {
                long c = i == 0 && idea.investmentCost() != null ? prices.applyAsLong(idea.investmentCost()) : 0;
                long g = c - change;
                if (g < 0) {
                    c -= g;
                    g = 0;
                }
                cost.add(new YearAmountInput(years.get(i), c));
                gains.add(new YearAmountInput(years.get(i), g));
            } else {
                operating.add(new YearAmountInput(years.get(i), change));
            }
        }
        return new ProposalInput(idea.title(), description(idea), ProposalType.valueOf(idea.type()),
                idea.classificationRationale(), idea.areaCode(), new OriginInput(OriginKind.IDEA_BANK, null,
                        idea.ideaId(), null), investment ? null : operating, investment ? cost : null,
                investment ? gains : null, staff(idea, years, net), consequences(idea), Uncertainty.MEDIUM, null, null, null,
                false, null);
    }

    /** True when the idea states at least one yearly amount. */
    static boolean hasAmounts(IdeaCopyRequestedV1 idea) {
        return idea.amounts() != null && !idea.amounts().isEmpty();
    }

    private static List<Long> yearly(IdeaCopyRequestedV1 idea, LongUnaryOperator prices) {
        Map<Integer, Long> known = idea.amounts() == null ? Map.of() : idea.amounts().stream()
                .collect(Collectors.toMap(YearAmount::year, YearAmount::amount, (a, b) -> b, TreeMap::new));
        List<Long> net = new ArrayList<>();
        long carried = 0;
        for (int i = 0; i < Catalog.HORIZON_YEARS; i++) {
            Long stated = known.get(idea.budgetYear() + i);
            carried = stated != null ? prices.applyAsLong(stated) : carried;
            net.add(carried);
        }
        return net;
    }

    private static List<FteInput> staff(IdeaCopyRequestedV1 idea, List<Integer> years, List<Long> net) {
        if (idea.fteChange() == null || idea.fteChange().signum() == 0) {
            return List.of();
        }
        List<FteInput> staff = new ArrayList<>();
        boolean started = false;
        for (int i = 0; i < years.size(); i++) {
            started |= net.get(i) != 0;
            if (started) {
                staff.add(new FteInput(years.get(i), idea.fteChange()));
            }
        }
        return staff;
    }

    private static String description(IdeaCopyRequestedV1 idea) {
        String summary = blank(idea.summary()) ? null : idea.summary().strip();
        String description = blank(idea.description()) ? null : idea.description().strip();
        String text = summary == null ? description : description == null ? summary : summary + "\n\n" + description;
        text = text == null ? idea.title() : text;
        return text.length() <= 20_000 || description == null ? text : description;
    }

    private static String consequences(IdeaCopyRequestedV1 idea) {
        if (!blank(idea.consequences())) {
            return idea.consequences();
        }
        return ProposalType.valueOf(idea.type()) == ProposalType.SAVING ? CONSEQUENCES_TO_WRITE : null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
