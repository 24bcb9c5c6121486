package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.DuplicateCandidate.Resolution;
import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.IdeaFamily;
import dk.raaderum.ideabank.domain.IdeaHistoryEntry.Action;
import dk.raaderum.ideabank.domain.IdeaMerge;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.messaging.IdeaEvents;
import dk.raaderum.ideabank.repository.FamilyRepository;
import dk.raaderum.ideabank.repository.IdeaRepository;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Idea families: ideas that describe the same thing. Merging keeps the merged idea (as a member, with its own
 * municipality, budget year and amounts) and credits its municipality to the family's primary idea, which search shows;
 * nothing is deleted and every merge can be undone. When an idea leaves the bank, it leaves its family too; a primary
 * that leaves hands the family to its oldest member.
 */
@ApplicationScoped
public class Families {

    /** A member cannot be merged into: merge into the family's primary idea. */
    public static final String RULE_MERGE_INTO_MEMBER = "merge-into-member";
    /** A family's primary idea with members is not merged elsewhere: undo its members' merges first. */
    public static final String RULE_MERGE_FAMILY_PRIMARY = "merge-family-primary";
    /** An idea is not merged into itself. */
    public static final String RULE_MERGE_SELF = "merge-self";
    /** Only submitted and published ideas are merged into. */
    public static final String RULE_MERGE_TARGET = "merge-target";

    private final IdeaRepository ideas;
    private final FamilyRepository families;
    private final IdeaWriter writer;
    private final DuplicatePairs pairs;
    private final IdeaEvents events;
    private final Clock clock;

    public Families(IdeaRepository ideas, FamilyRepository families, IdeaWriter writer, DuplicatePairs pairs,
            IdeaEvents events, Clock clock) {
        this.ideas = ideas;
        this.families = families;
        this.writer = writer;
        this.pairs = pairs;
        this.events = events;
        this.clock = clock;
    }

    /** Merges {@code idea} into the family of {@code into} (both locked by the caller). */
    public void merge(Idea idea, Idea into, Actor actor, String reason) {
        requireMergeable(idea, into);
        Instant now = clock.instant();
        IdeaFamily family = into.familyId != null ? families.findById(into.familyId) : newFamily(into, actor, now);
        IdeaMerge merge = new IdeaMerge();
        merge.familyId = family.id;
        merge.ideaId = idea.id;
        merge.intoIdeaId = into.id;
        merge.previousStatus = idea.status;
        merge.reason = reason;
        merge.mergedAt = now;
        merge.mergedBy = actor.name();
        families.persistMerge(merge);
        idea.moveTo(IdeaStatus.MERGED, now);
        idea.familyId = family.id;
        into.familyId = family.id;
        credit(family);
        writer.record(idea, Action.MERGED, actor, reason, List.of());
        writer.record(into, Action.MEMBER_ADDED, actor, reason, List.of());
        events.merged(idea, into.id, family.id, reason, false, now);
        republish(into);
        pairs.resolve(idea.id, into.id, Resolution.MERGED, actor, reason);
        pairs.resolveAllOf(idea.id, actor, "merged into idea " + into.id);
    }

    /** Undoes the merge of {@code idea} (locked by the caller): it returns to the status it had before. */
    public void undo(Idea idea, Actor actor, String reason) {
        IdeaMerge merge = families.activeMerge(idea.id).orElseThrow(() -> ProblemException.conflict("Idea " + idea.id
                + " is not merged into a family"));
        IdeaFamily family = families.findById(merge.familyId);
        Instant now = clock.instant();
        close(merge, actor, reason, now);
        idea.restore(merge.previousStatus, now);
        Idea primary = credit(family);
        writer.record(idea, Action.MERGE_UNDONE, actor, reason, List.of());
        writer.record(primary, Action.MEMBER_REMOVED, actor, reason, List.of());
        events.merged(idea, primary.id, family.id, reason, true, now);
        republish(primary);
        republish(idea);
    }

    /** The idea leaves its family because it leaves the bank (withdrawn); a primary hands the family on. */
    public void leave(Idea idea, Actor actor, String reason) {
        if (idea.familyId == null) {
            return;
        }
        IdeaFamily family = families.findById(idea.familyId);
        Instant now = clock.instant();
        if (family.primaryIdeaId == idea.id) {
            List<Idea> members = ideas.members(family.id);
            idea.familyId = null;
            idea.creditFamily(List.of(), 1);
            if (members.isEmpty()) {
                return;
            }
            Idea heir = members.get(0);
            IdeaMerge merge = families.activeMerge(heir.id).orElseThrow();
            close(merge, actor, reason, now);
            heir.restore(merge.previousStatus, now);
            heir.familyId = family.id;
            family.primaryIdeaId = heir.id;
            writer.record(heir, Action.MERGE_UNDONE, actor, "Familiens hovedidé udgik: " + reason, List.of());
            republish(credit(family));
        } else {
            families.activeMerge(idea.id).ifPresent(merge -> close(merge, actor, reason, now));
            idea.familyId = null;
            republish(credit(family));
        }
    }

    private void requireMergeable(Idea idea, Idea into) {
        if (idea.id.equals(into.id)) {
            throw ProblemException.ruleViolation(RULE_MERGE_SELF, "Idea " + idea.id + " cannot be merged into itself");
        }
        if (idea.familyId != null && idea.familyId.equals(into.familyId)) {
            long primary = families.findById(idea.familyId).primaryIdeaId;
            if (primary == idea.id) {
                throw ProblemException.ruleViolation(RULE_MERGE_FAMILY_PRIMARY, "Idea " + idea.id + " is the primary"
                        + " idea of the family idea " + into.id + " is a member of");
            }
            throw ProblemException.conflict("Idea " + idea.id + " is in the family of idea " + primary + " already");
        }
        if (into.status == IdeaStatus.MERGED) {
            long primary = families.findById(into.familyId).primaryIdeaId;
            throw ProblemException.ruleViolation(RULE_MERGE_INTO_MEMBER, "Idea " + into.id + " is a member of a family;"
                    + " merge into its primary idea " + primary);
        }
        if (!into.status.isActive()) {
            throw ProblemException.ruleViolation(RULE_MERGE_TARGET, "Idea " + into.id + " is " + into.status
                    + "; ideas are merged into a submitted or published idea");
        }
        if (idea.familyId != null && !ideas.members(idea.familyId).isEmpty()) {
            throw ProblemException.ruleViolation(RULE_MERGE_FAMILY_PRIMARY, "Idea " + idea.id + " is the primary idea of"
                    + " a family with members; undo their merges first");
        }
    }

    private IdeaFamily newFamily(Idea primary, Actor actor, Instant now) {
        IdeaFamily family = new IdeaFamily();
        family.primaryIdeaId = primary.id;
        family.createdAt = now;
        family.createdBy = actor.name();
        families.persist(family);
        return family;
    }

    /** Credits the members' municipalities to the primary; a family without members dissolves. Returns the primary. */
    private Idea credit(IdeaFamily family) {
        Idea primary = ideas.findById(family.primaryIdeaId);
        List<Idea> members = ideas.members(family.id);
        primary.familyId = members.isEmpty() ? null : family.id;
        primary.creditFamily(members.stream().map(m -> m.sourceMunicipality).toList(), 1 + members.size());
        return primary;
    }

    private static void close(IdeaMerge merge, Actor actor, String reason, Instant at) {
        merge.undoneAt = at;
        merge.undoneBy = actor.name();
        merge.undoReason = reason;
    }

    private void republish(Idea idea) {
        if (idea.status == IdeaStatus.PUBLISHED) {
            ideas.flush();
            events.published(idea);
        }
    }
}
