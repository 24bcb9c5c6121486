package dk.raaderum.target.domain;

import dk.raaderum.platform.events.ProposalType;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Read model of proposal-service's {@code proposal.adopted} and {@code proposal.withdrawn} events: one row per
 * proposal (the proposal id is the key). {@link #stateAt} is the time of the event that set the state; an event
 * older than it does not change the state, so events may arrive in any order.
 */
@Entity
@Table(name = "known_proposal")
public class KnownProposal {

    /** proposal-service's proposal id. */
    @Id
    @Column(name = "proposal_id")
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "catalog_id", nullable = false)
    public long catalogId;

    @Column(nullable = false, length = 20)
    public String number;

    @Column(nullable = false, length = 300)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProposalType type;

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(name = "area_name", length = 200)
    public String areaName;

    @Column(name = "main_account")
    public Integer mainAccount;

    @Column(length = 200)
    public String committee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ProposalState state;

    @Column(name = "state_at", nullable = false)
    public Instant stateAt;

    /** Whether an adoption event has been received (a withdrawal may come first). */
    @Column(name = "adoption_received", nullable = false)
    public boolean adoptionReceived;

    @Column(name = "adopted_at")
    public Instant adoptedAt;

    @Column(name = "price_level_year")
    public Integer priceLevelYear;

    @Column(length = 10)
    public String uncertainty;

    @Column(name = "program_owner", length = 200)
    public String programOwner;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "known_proposal_year", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderBy("year")
    @BatchSize(size = 100)
    public List<ProposalFigure> figures = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean counts() {
        return state == ProposalState.ADOPTED;
    }

    public long room(int year) {
        return figures.stream().filter(f -> f.year == year).mapToLong(ProposalFigure::room).reduce(0, Math::addExact);
    }
}
