package dk.raaderum.proposal.domain;

import dk.raaderum.platform.events.ProposalType;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A råderum proposal in a catalog. */
@Entity
public class Proposal {

    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_id")
    public Catalog catalog;

    /** Copied from the catalog: every query is per municipality. */
    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    /** Unique in the catalog, per area: ÆLD-03. */
    @Column(nullable = false, length = 20)
    public String number;

    @Column(name = "area_code", nullable = false, length = 10)
    public String areaCode;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProposalType type;

    /** Why this type: classification is partly subjective, so it is always written down. */
    @Column(name = "classification_rationale", nullable = false, columnDefinition = "text")
    public String classificationRationale;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin_kind", nullable = false, length = 30)
    public OriginKind originKind;

    @Column(name = "origin_party", length = 100)
    public String originParty;

    @Column(name = "origin_idea_id")
    public Long originIdeaId;

    @Column(name = "origin_municipality", length = 3)
    public String originMunicipality;

    /** The idea bank's "use this idea" request that made this draft (idea.copy-requested), if one did. */
    @Column(name = "idea_copy_request")
    public UUID ideaCopyRequest;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "proposal_year", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderBy("year")
    public List<ProposalYear> years = new ArrayList<>();

    /** Sum of the yearly net change over the horizon (negative creates room); kept for sorting. */
    @Column(name = "net_total", nullable = false)
    public long netTotal;

    @Column(name = "service_consequences", columnDefinition = "text")
    public String serviceConsequences;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Uncertainty uncertainty;

    @Column(name = "implementation_start")
    public LocalDate implementationStart;

    @Column(name = "program_owner", length = 200)
    public String programOwner;

    /** The same proposal in an earlier catalog (lineage, used by the karensperiode). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "predecessor_id")
    public Proposal predecessor;

    @Column(name = "share_with_idea_bank", nullable = false)
    public boolean shareWithIdeaBank;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProposalStatus status = ProposalStatus.DRAFT;

    /** When it was (last) presented to the politicians. */
    @Column(name = "presented_at")
    public Instant presentedAt;

    /** Why a finance officer presented it despite the karensperiode. */
    @Column(name = "karens_override_reason", columnDefinition = "text")
    public String karensOverrideReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_by_id", nullable = false, length = 200)
    public String createdById;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** True for a party's proposal (POLITICAL_PARTY origin) of the given party. */
    public boolean belongsToParty(String party) {
        return originKind == OriginKind.POLITICAL_PARTY && party != null && party.equals(originParty);
    }
}
