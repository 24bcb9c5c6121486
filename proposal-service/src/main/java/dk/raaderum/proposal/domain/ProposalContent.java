package dk.raaderum.proposal.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A proposal's content as named fields with text values, in the order the API shows them, so two states can be
 * compared field by field. Amounts are exact (whole kroner as written), staff changes without trailing zeros, and
 * absent values are not listed. Only what a PUT of the proposal can change is content; the status, sharing through
 * {@code /sharing} aside, is the workflow's.
 */
public final class ProposalContent {

    private final Map<String, String> values;

    private ProposalContent(Map<String, String> values) {
        this.values = values;
    }

    public static ProposalContent of(Proposal p) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "title", p.title);
        put(v, "description", p.description);
        put(v, "type", p.type);
        put(v, "classificationRationale", p.classificationRationale);
        put(v, "areaCode", p.areaCode);
        put(v, "origin.kind", p.originKind);
        put(v, "origin.party", p.originParty);
        put(v, "origin.ideaId", p.originIdeaId);
        put(v, "origin.municipalityCode", p.originMunicipality);
        for (ProposalYear y : p.years) {
            String prefix = "years." + y.year + ".";
            put(v, prefix + "netChange", y.netChange);
            put(v, prefix + "investmentCost", y.investmentCost);
            put(v, prefix + "gain", y.gain);
            put(v, prefix + "fteChange", y.fteChange == null ? null : fte(y.fteChange));
        }
        put(v, "serviceConsequences", p.serviceConsequences);
        put(v, "uncertainty", p.uncertainty);
        put(v, "implementationStart", p.implementationStart);
        put(v, "programOwner", p.programOwner);
        put(v, "predecessorId", p.predecessor == null ? null : p.predecessor.id);
        put(v, "shareWithIdeaBank", p.shareWithIdeaBank);
        return new ProposalContent(v);
    }

    /** Every field of this content, from nothing: what a creation records. */
    public List<FieldChange> fromNothing() {
        return values.entrySet().stream().map(e -> new FieldChange(e.getKey(), null, e.getValue())).toList();
    }

    /** The fields that differ from {@code before}, in this content's order (fields that disappeared last). */
    public List<FieldChange> changedSince(ProposalContent before) {
        Set<String> names = new LinkedHashSet<>(values.keySet());
        names.addAll(before.values.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            String old = before.values.get(name);
            String now = values.get(name);
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(name, old, now));
            }
        }
        return changes;
    }

    private static String fte(BigDecimal fte) {
        return fte.signum() == 0 ? "0" : fte.stripTrailingZeros().toPlainString();
    }

    private static void put(Map<String, String> values, String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
    }
}
