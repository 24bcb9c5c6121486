package dk.raaderum.ideabank.domain;

import dk.raaderum.platform.events.ProposalType;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An idea in the bank: a råderum proposal one municipality made (or KL found in its budget), offered to the others.
 * It checks and changes its own status ({@link #moveTo}); its content is set as a whole ({@link #apply}), so the
 * derived columns (content hash, largest amount) never drift from it. The search columns are computed by PostgreSQL
 * (see the migration) from the texts and the compound parts the service splits off.
 */
@Entity
public class Idea {

    @Id
    @GeneratedValue
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public IdeaStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public IdeaOrigin origin;

    @Column(nullable = false, length = IdeaRules.TITLE_MAX)
    public String title;

    @Column(length = IdeaRules.SUMMARY_MAX)
    public String summary;

    @Column(columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProposalType type;

    @Column(name = "classification_rationale", nullable = false, columnDefinition = "text")
    public String classificationRationale;

    @Column(name = "reduces_service", nullable = false)
    public boolean reducesService;

    @Column(name = "area_code", nullable = false, length = 40)
    public String areaCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    @Column(name = "source_municipality", nullable = false, length = 3)
    public String sourceMunicipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "price_level_year")
    public Integer priceLevelYear;

    @Embedded
    public YearlyAmounts amounts = new YearlyAmounts();

    /** The largest yearly amount, either sign, for sorting; null without amounts. */
    @Column(name = "max_yearly_amount")
    public Long maxYearlyAmount;

    @Column(name = "fte_change", precision = 8, scale = 2)
    public BigDecimal fteChange;

    @Column(name = "investment_cost")
    public Long investmentCost;

    @Column(name = "payback_years", precision = 4, scale = 1)
    public BigDecimal paybackYears;

    @Column(columnDefinition = "text")
    public String consequences;

    @Column(name = "contact_role", length = IdeaRules.CONTACT_ROLE_MAX)
    public String contactRole;

    @Column(name = "source_reference", length = IdeaRules.REFERENCE_MAX)
    public String sourceReference;

    @Column(name = "source_key", length = IdeaRules.SOURCE_KEY_MAX)
    public String sourceKey;

    @Column(name = "source_proposal_id")
    public Long sourceProposalId;

    @Column(name = "source_initiative_id")
    public Long sourceInitiativeId;

    /** A shared proposal's status in its catalog (PRESENTED, ADOPTED, REJECTED), as its events told. */
    @Column(name = "source_status", length = 20)
    public String sourceStatus;

    /** When the newest applied event of the source proposal happened: older events are ignored. */
    @Column(name = "source_changed_at")
    public Instant sourceChangedAt;

    /**
     * A correction of the source proposal that KL has not decided on yet (a curated idea keeps KL's text): the
     * corrected content as JSON, the finance officer's reason and when it was made; null when none is waiting.
     */
    @Column(name = "source_correction", columnDefinition = "text")
    public String sourceCorrection;

    @Column(name = "source_correction_reason", columnDefinition = "text")
    public String sourceCorrectionReason;

    @Column(name = "source_corrected_at")
    public Instant sourceCorrectedAt;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "family_id")
    public Long familyId;

    /** The source municipality, and for a family's primary idea those of every member: no one loses credit. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "family_municipalities", nullable = false, columnDefinition = "text[]")
    public String[] familyMunicipalities;

    @Column(name = "family_size", nullable = false)
    public int familySize = 1;

    @Column(name = "adoption_count", nullable = false)
    public int adoptionCount;

    @Column(name = "has_realised_gains", nullable = false)
    public boolean hasRealisedGains;

    /** Municipalities that made a proposal of it (copied, or named it as the origin), and those that presented one. */
    @Column(name = "copy_count", nullable = false)
    public int copyCount;

    @Column(name = "presented_count", nullable = false)
    public int presentedCount;

    /** Follow-up initiatives of its adopted proposals that have reported. */
    @Column(name = "initiative_count", nullable = false)
    public int initiativeCount;

    /** The median realised / expected of those initiatives; null without reports. */
    @Column(name = "realisation_ratio", precision = 10, scale = 4)
    public BigDecimal realisationRatio;

    /** How proven the idea is, 0–1 ({@link Realisation#provenScore}). */
    @Column(name = "proven_score", nullable = false, precision = 6, scale = 4)
    public BigDecimal provenScore = BigDecimal.ZERO;

    /** The parts of the compound words of all texts, and the tags (weight D of the search vector). */
    @Column(name = "search_parts", nullable = false, columnDefinition = "text")
    public String searchParts;

    /** The parts of the compound words of title and summary (in the key terms of look-alikes). */
    @Column(name = "title_parts", nullable = false, columnDefinition = "text")
    public String titleParts;

    /**
     * The text vectors (V4), written only when an import computed them ahead; else, and whenever the texts change,
     * PostgreSQL computes them. Never read into the entity.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "head_vector", columnDefinition = "tsvector", updatable = false)
    @ColumnTransformer(write = "cast(? as tsvector)")
    public String headVector;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_vector", columnDefinition = "tsvector", updatable = false)
    @ColumnTransformer(write = "cast(? as tsvector)")
    public String searchVector;

    @Column(name = "similarity_checked_version")
    public Long similarityCheckedVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_by_id", nullable = false, length = 200)
    public String createdById;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Version
    public long version;

    /** The content as a value. */
    public IdeaContent content() {
        return new IdeaContent(title, summary, description, type, classificationRationale, reducesService, areaCode,
                Arrays.asList(tags), budgetYear, priceLevelYear, amounts.known(budgetYear), fteChange, investmentCost,
                paybackYears, consequences, contactRole, sourceReference, sourceKey);
    }

    /**
     * Sets the content (normalised and checked before) and what derives from it; false when nothing changed.
     *
     * @param parts the compound parts of all texts; {@code keyParts} those of title and summary
     */
    public boolean apply(IdeaContent content, String parts, String keyParts) {
        String hash = content.hash();
        if (hash.equals(contentHash)) {
            return false;
        }
        title = content.title();
        summary = content.summary();
        description = content.description();
        type = content.type();
        classificationRationale = content.classificationRationale();
        reducesService = content.reducesService();
        areaCode = content.areaCode();
        tags = content.tags().toArray(String[]::new);
        budgetYear = content.budgetYear();
        priceLevelYear = content.priceLevelYear();
        amounts = YearlyAmounts.of(content.budgetYear(), content.amounts());
        maxYearlyAmount = amounts.largest();
        fteChange = content.fteChange();
        investmentCost = content.investmentCost();
        paybackYears = content.paybackYears();
        consequences = content.consequences();
        contactRole = content.contactRole();
        sourceReference = content.sourceReference();
        sourceKey = content.sourceKey();
        searchParts = parts;
        titleParts = keyParts;
        contentHash = hash;
        return true;
    }

    /** Moves to {@code target}, or refuses with {@link IdeaStateException} when its status does not allow it. */
    public void moveTo(IdeaStatus target, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IdeaStateException(this, target);
        }
        status = target;
        updatedAt = at;
        if (target == IdeaStatus.PUBLISHED && publishedAt == null) {
            publishedAt = at;
        }
    }

    /** Back to the status it had before a merge that is undone (a merged idea is in no other status). */
    public void restore(IdeaStatus previous, Instant at) {
        if (status != IdeaStatus.MERGED) {
            throw new IdeaStateException(this, previous);
        }
        status = previous;
        familyId = null;
        familyMunicipalities = new String[] { sourceMunicipality };
        familySize = 1;
        updatedAt = at;
    }

    /** Holds a correction of the source proposal for KL to accept or dismiss. */
    public void holdSourceCorrection(String correctedContent, String reason, Instant at) {
        sourceCorrection = correctedContent;
        sourceCorrectionReason = reason;
        sourceCorrectedAt = at;
    }

    /** No correction of the source proposal is waiting any more (KL decided, or the catalog's content replaced it). */
    public void clearSourceCorrection() {
        holdSourceCorrection(null, null, null);
    }

    /** Whether a municipality user may change the content: only its own submission still in the queue. */
    public boolean editableByMunicipality() {
        return status == IdeaStatus.SUBMITTED && origin == IdeaOrigin.MUNICIPALITY;
    }

    /** The family's municipalities as set on a primary idea: its own first, then the members', each once. */
    public void creditFamily(List<String> memberMunicipalities, int size) {
        familyMunicipalities = java.util.stream.Stream.concat(java.util.stream.Stream.of(sourceMunicipality),
                memberMunicipalities.stream()).filter(Objects::nonNull).distinct().toArray(String[]::new);
        familySize = size;
    }
}
