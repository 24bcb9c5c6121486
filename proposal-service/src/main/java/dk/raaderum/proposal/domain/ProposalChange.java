package dk.raaderum.proposal.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One change of a proposal's content (its creation, an edit, a correction): who, in which role, when, in which status,
 * why (a correction's reason, the creation's comment) and which fields from what to what. Never changed. Workflow steps
 * are {@link ProposalTransition}s.
 */
@Entity
@Table(name = "proposal_change")
public class ProposalChange {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public Long proposalId;

    /** Copied from the proposal: "what changed in this catalog since" reads by catalog and time. */
    @Column(name = "catalog_id", nullable = false)
    public Long catalogId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ChangeKind kind;

    /** The proposal's status when it changed. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProposalStatus status;

    @Column(name = "actor_id", nullable = false, length = 200)
    public String actorId;

    @Column(name = "actor_name", nullable = false, length = 200)
    public String actorName;

    /** The role the change was made in (null for creations recorded before the history existed). */
    @Column(name = "actor_role", length = 50)
    public String actorRole;

    @Column(nullable = false)
    public Instant at;

    /** A correction's reason; the creation's comment. */
    @Column(columnDefinition = "text")
    public String comment;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "proposal_change_field", joinColumns = @JoinColumn(name = "change_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    public List<FieldChange> fields = new ArrayList<>();

    public List<String> fieldNames() {
        return fields.stream().map(f -> f.field).toList();
    }
}
