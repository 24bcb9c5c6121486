package dk.raaderum.followup.domain;

import dk.raaderum.platform.events.ProposalType;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An adopted initiative in the benefit register (gevinstrealisering): what it should deliver and its report slots. */
@Entity
@Table(name = "initiative")
public class Initiative {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public InitiativeSource source;

    /** The adopted proposal (CATALOG); unique, so a proposal becomes at most one initiative. */
    @Column(name = "proposal_id")
    public Long proposalId;

    @Column(name = "proposal_number", length = 20)
    public String proposalNumber;

    @Column(name = "catalog_id")
    public Long catalogId;

    /** The budget year of the catalog (or of the decision, for MANUAL). */
    @Column(name = "catalog_year", nullable = false)
    public int catalogYear;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(name = "area_name", nullable = false, length = 200)
    public String areaName;

    @Column(name = "area_main_account", nullable = false)
    public int areaMainAccount;

    @Column(name = "area_committee", length = 200)
    public String areaCommittee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProposalType type;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(columnDefinition = "text")
    public String description;

    /** LOW, MEDIUM or HIGH as the proposal was adopted (null for MANUAL). */
    @Column(length = 10)
    public String uncertainty;

    /** The login (preferred_username) of the program owner who reports; null until one is assigned. */
    @Column(name = "owner_username", length = 200)
    public String ownerUsername;

    /** The program owner as people name them, e.g. "Ældrechef Jens Hansen" (never published as open data). */
    @Column(name = "owner_name", length = 200)
    public String ownerName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public InitiativeStatus status = InitiativeStatus.ACTIVE;

    /** When the council (or, for MANUAL, whoever decided it) adopted it. */
    @Column(name = "adopted_at", nullable = false)
    public Instant adoptedAt;

    /** MANUAL: where it was decided, e.g. "Økonomiudvalget 12.03.2027, pkt. 4". */
    @Column(name = "decision_reference", length = 500)
    public String decisionReference;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "initiative_year", joinColumns = @JoinColumn(name = "initiative_id"))
    @OrderBy("year")
    @BatchSize(size = 100)
    public List<InitiativeYear> years = new ArrayList<>();

    @OneToMany(mappedBy = "initiative", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("year, quarter")
    @BatchSize(size = 100)
    public List<ReportSlot> slots = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "last_decision", length = 10)
    public DecisionKind lastDecision;

    @Column(name = "last_decision_at")
    public Instant lastDecisionAt;

    @Column(name = "terminated_at")
    public Instant terminatedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Version
    public long version;

    public Optional<InitiativeYear> year(int year) {
        return years.stream().filter(y -> y.year == year).findFirst();
    }

    public List<ReportSlot> slotsOf(int year) {
        return slots.stream().filter(s -> s.year == year).toList();
    }

    public Optional<ReportSlot> slot(int year, Integer quarter) {
        String period = SlotRules.period(year, quarter);
        return slots.stream().filter(s -> s.period.equals(period)).findFirst();
    }

    /** Replaces the year's entry (the element collection is rewritten on flush). */
    public void putYear(InitiativeYear year) {
        years.removeIf(y -> y.year == year.year);
        years.add(year);
        years.sort(Comparator.comparingInt(y -> y.year));
    }

    /**
     * Recomputes every year's figures from its slots ({@link YearRealisation}). Called by every change of a slot or
     * a year, so the stored figures that dashboards read never drift from the slots.
     */
    public void refreshFigures() {
        for (int i = 0; i < years.size(); i++) {
            InitiativeYear year = years.get(i);
            InitiativeYear refreshed = year.withFigures(municipality, YearRealisation.of(year, slotsOf(year.year)));
            if (refreshed != year) {
                years.set(i, refreshed);
            }
        }
    }

    public boolean isActive() {
        return status == InitiativeStatus.ACTIVE;
    }
}
