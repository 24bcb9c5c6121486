package dk.raaderum.proposal.service;

import static dk.raaderum.platform.web.security.Roles.FINANCE_OFFICER;
import static dk.raaderum.platform.web.security.Roles.KL_CURATOR;
import static dk.raaderum.platform.web.security.Roles.MUNICIPAL_SYSTEM;
import static dk.raaderum.platform.web.security.Roles.POLITICIAN;
import static dk.raaderum.platform.web.security.Roles.PROGRAM_OWNER;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.repository.Visibility;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see and do what with proposals, in one place.
 * <ul>
 * <li>finance officers: everything in their municipality;</li>
 * <li>politicians: what has been presented (and decided), plus every proposal of their own party; they create,
 * submit, return and withdraw their party's proposals;</li>
 * <li>program owners and municipal systems: everything but drafts (systems also their own drafts); systems create
 * proposals;</li>
 * <li>KL curators: presented and adopted proposals of every municipality, never drafts.</li>
 * </ul>
 */
@ApplicationScoped
public class ProposalAccess {

    private static final Set<ProposalStatus> DECIDED_OR_PRESENTED = EnumSet.of(ProposalStatus.PRESENTED,
            ProposalStatus.ADOPTED, ProposalStatus.REJECTED);
    private static final Set<ProposalStatus> BEYOND_DRAFT = EnumSet.complementOf(EnumSet.of(ProposalStatus.DRAFT));
    private static final Set<ProposalStatus> KL_VISIBLE = EnumSet.of(ProposalStatus.PRESENTED, ProposalStatus.ADOPTED);

    /** The query predicate of what the actor may see in its own municipality (or, for KL, in any). */
    public Visibility visibility(Actor actor) {
        if (actor.hasRole(FINANCE_OFFICER)) {
            return Visibility.all();
        }
        if (actor.hasRole(POLITICIAN)) {
            return Visibility.of(DECIDED_OR_PRESENTED, actor.party(), null);
        }
        if (actor.hasAnyRole(PROGRAM_OWNER, MUNICIPAL_SYSTEM)) {
            return Visibility.of(BEYOND_DRAFT, null, actor.id());
        }
        if (actor.hasRole(KL_CURATOR)) {
            return Visibility.of(KL_VISIBLE, null, null);
        }
        return Visibility.of(Set.of(), null, null);
    }

    public boolean canSee(Actor actor, Proposal proposal) {
        return visibility(actor).includes(proposal.status, proposal.originKind, proposal.originParty,
                proposal.createdById);
    }

    /** Creating: finance officers and municipal systems any origin; politicians only for their own party. */
    public void requireCanCreate(Actor actor, OriginKind origin, String party) {
        if (actor.hasAnyRole(FINANCE_OFFICER, MUNICIPAL_SYSTEM)) {
            return;
        }
        if (actor.hasRole(POLITICIAN)) {
            if (origin != OriginKind.POLITICAL_PARTY) {
                throw ProblemException.forbidden("Politicians submit proposals for their party: origin must be POLITICAL_PARTY");
            }
            if (actor.party() == null || !actor.party().equals(party)) {
                throw ProblemException.forbidden("You can only write proposals for your own party ("
                        + (actor.party() == null ? "your token has no party" : actor.party()) + ")");
            }
            return;
        }
        throw ProblemException.forbidden("Your roles do not allow creating proposals");
    }

    /**
     * Editing: finance officers (after presentation only as a correction with a reason, see
     * {@link ProposalService#update}); a party's politicians their draft.
     */
    public void requireCanEdit(Actor actor, Proposal proposal) {
        if (actor.hasRole(FINANCE_OFFICER)) {
            return;
        }
        if (actor.hasRole(POLITICIAN) && proposal.belongsToParty(actor.party()) && proposal.status == ProposalStatus.DRAFT) {
            return;
        }
        throw ProblemException.forbidden("Your roles do not allow changing this proposal");
    }

    /** Workflow steps: finance officers all; the party's politicians and the creator submit; the party returns/withdraws. */
    public void requireCanMove(Actor actor, Proposal proposal, ProposalStatus target) {
        if (actor.hasRole(FINANCE_OFFICER)) {
            return;
        }
        boolean ownParty = actor.hasRole(POLITICIAN) && proposal.belongsToParty(actor.party());
        boolean allowed = switch (target) {
            case SUBMITTED -> ownParty || actor.id().equals(proposal.createdById);
            case WITHDRAWN, DRAFT -> ownParty;
            default -> false;
        };
        if (!allowed) {
            throw ProblemException.forbidden(switch (target) {
                case QUALIFIED, PRESENTED, ADOPTED, REJECTED -> "Only finance officers may move a proposal to " + target;
                default -> "Only finance officers and the proposal's own party may move it to " + target;
            });
        }
    }

    public void requireFinanceOfficer(Actor actor, String what) {
        if (!actor.hasRole(FINANCE_OFFICER)) {
            throw ProblemException.forbidden("Only finance officers may " + what);
        }
    }
}
