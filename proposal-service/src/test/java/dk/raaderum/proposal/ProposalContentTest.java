package dk.raaderum.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.proposal.domain.FieldChange;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalContent;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.domain.Uncertainty;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

/** The field-by-field comparison a proposal's history is made of (pure, no database). */
class ProposalContentTest {

    private static Proposal proposal(long secondYear, String fte) {
        Proposal p = new Proposal();
        p.title = "Videobesøg";
        p.description = "Udvalgte besøg bliver videobesøg.";
        p.type = ProposalType.EFFICIENCY;
        p.classificationRationale = "Samme hjælp";
        p.areaCode = "ÆLD";
        p.originKind = OriginKind.ADMINISTRATION;
        p.uncertainty = Uncertainty.MEDIUM;
        p.years.add(new ProposalYear(2027, -100_000, null, null, fte == null ? null : new BigDecimal(fte)));
        p.years.add(new ProposalYear(2028, secondYear, null, null, null));
        return p;
    }

    private static String describe(List<FieldChange> changes) {
        return changes.stream().map(c -> c.field + ":" + c.oldValue + "→" + c.newValue).toList().toString();
    }

    @Test
    void amountsAreComparedExactlyAndOnlyWhatDiffersIsListed() {
        List<FieldChange> changes = ProposalContent.of(proposal(-999_999_999_999L, null))
                .changedSince(ProposalContent.of(proposal(-1_000_000_000_000L, null)));
        assertEquals("[years.2028.netChange:-1000000000000→-999999999999]", describe(changes));
    }

    @Test
    void theSameStaffChangeWrittenWithOtherDecimalsIsNoChange() {
        assertEquals(List.of(), ProposalContent.of(proposal(0, "-1.5")).changedSince(ProposalContent.of(proposal(0, "-1.50"))));
        assertEquals("[years.2027.fteChange:0→-2]", describe(ProposalContent.of(proposal(0, "-2.00"))
                .changedSince(ProposalContent.of(proposal(0, "0.00")))));
    }

    @Test
    void aValueThatIsRemovedOrAddedHasNullOnItsMissingSide() {
        Proposal with = proposal(0, null);
        with.programOwner = "Ældrechef";
        Proposal without = proposal(0, null);
        assertEquals("[programOwner:Ældrechef→null]", describe(ProposalContent.of(without).changedSince(ProposalContent.of(with))));
        assertEquals("[programOwner:null→Ældrechef]", describe(ProposalContent.of(with).changedSince(ProposalContent.of(without))));
    }

    @Test
    void aCreationListsEveryFieldFromNothing() {
        List<FieldChange> created = ProposalContent.of(proposal(-5, null)).fromNothing();
        assertEquals("title", created.get(0).field);
        assertEquals(null, created.get(0).oldValue);
        assertEquals("-5", created.stream().filter(c -> c.field.equals("years.2028.netChange")).findFirst().orElseThrow()
                .newValue);
    }
}
