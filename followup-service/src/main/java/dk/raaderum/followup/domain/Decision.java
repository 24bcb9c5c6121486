package dk.raaderum.followup.domain;

import dk.raaderum.platform.events.ResponsibleBody;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A decision on an initiative, with the picture it was taken on. Append-only (the audit trail of decisions). */
@Entity
@Table(name = "initiative_decision")
public class Decision {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "initiative_id", nullable = false)
    public long initiativeId;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public DecisionKind kind;

    @Column(columnDefinition = "text")
    public String reason;

    @Column(columnDefinition = "text")
    public String narrative;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "decision_scale_up_area", joinColumns = @JoinColumn(name = "decision_id"))
    @OrderColumn(name = "position")
    @Column(name = "area", nullable = false, length = 200)
    public List<String> scaleUpAreas = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "decision_year", joinColumns = @JoinColumn(name = "decision_id"))
    @OrderBy("year")
    public List<DecisionYear> years = new ArrayList<>();

    /** TERMINATE: the sum of the unrealised remainder. */
    @Column(name = "budget_risk")
    public Long budgetRisk;

    /** The weakest evidence level of the latest reports when decided (null without reports). */
    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_level", length = 12)
    public EvidenceLevel evidenceLevel;

    /** The body that took the decision (TERMINATE, ADJUST, SCALE_UP always; the others when given). */
    @Enumerated(EnumType.STRING)
    @Column(name = "deciding_body", length = 20)
    public ResponsibleBody decidingBody;

    /** Which body by name, e.g. "Social- og Sundhedsudvalget" (a STANDING_COMMITTEE always has one). */
    @Column(name = "deciding_body_name", length = 200)
    public String decidingBodyName;

    /** The meeting and item, e.g. "ØU 2027-03-14 pkt. 7". */
    @Column(name = "decision_reference", length = 300)
    public String decisionReference;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "decided_by", nullable = false, length = 200)
    public String decidedBy;

    @Column(name = "decided_by_id", nullable = false, length = 200)
    public String decidedById;
}
