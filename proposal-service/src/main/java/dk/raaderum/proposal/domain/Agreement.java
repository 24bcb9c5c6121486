package dk.raaderum.proposal.domain;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A multi-year budget agreement (flerårig aftale, e.g. Næstved's two-year agreement): two or more consecutive budget
 * years, committees with the areas they answer for and each committee's fixed operating frame per covered year. The
 * rules of its shape live here ({@link #check}); that agreements of a municipality do not overlap is
 * {@link #overlaps}.
 */
@Entity
public class Agreement {

    /** 422 rule: an agreement covers two or more consecutive budget years. */
    public static final String RULE_YEARS = "agreement-years";
    /** 422 rule: the agreement's years overlap another agreement of the municipality. */
    public static final String RULE_OVERLAP = "agreement-years-overlap";
    /** 422 rule: an area answers to at most one committee of the agreement; committee names are unique. */
    public static final String RULE_AREA_IN_ONE_COMMITTEE = "area-in-one-committee";
    /** 422 rule: each committee has a frame (0 kr. or more) for every covered year, and for no other year. */
    public static final String RULE_FRAMES = "committee-frames";

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "first_year", nullable = false)
    public int firstYear;

    @Column(name = "last_year", nullable = false)
    public int lastYear;

    /** The prices the frames are stated at. */
    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(name = "decision_reference", nullable = false, length = 500)
    public String decisionReference;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AgreementCommittee> committees = new ArrayList<>();

    /** Breaches of fixed frames by budget agreements of covered catalogs, flagged to the finance committee. */
    @ElementCollection
    @CollectionTable(name = "agreement_breach", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderBy("catalogId, year, committee")
    public List<FrameBreach> breaches = new ArrayList<>();

    @Version
    public long version;

    public List<Integer> years() {
        return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
    }

    public boolean covers(int budgetYear) {
        return budgetYear >= firstYear && budgetYear <= lastYear;
    }

    public boolean overlaps(int first, int last) {
        return first <= lastYear && firstYear <= last;
    }

    public AgreementCommittee addCommittee(String name, List<String> areaCodes, Map<Integer, Long> frames) {
        AgreementCommittee committee = new AgreementCommittee();
        committee.agreement = this;
        committee.name = name;
        committee.position = committees.size();
        committee.areaCodes.addAll(areaCodes);
        frames.forEach((year, amount) -> committee.frames.add(new YearFrame(year, amount)));
        committee.frames.sort(java.util.Comparator.comparingInt(f -> f.year));
        committees.add(committee);
        return committee;
    }

    /** 422 naming the rule when the years, committees or frames break a rule of agreements. */
    public void check() {
        if (lastYear <= firstYear) {
            throw ProblemException.ruleViolation(RULE_YEARS, "An agreement covers two or more consecutive budget"
                    + " years (" + firstYear + "–" + lastYear + " is not)", List.of(new FieldError("lastBudgetYear",
                            "must be after firstBudgetYear")));
        }
        Set<String> names = new HashSet<>();
        Map<String, String> areaOwner = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < committees.size(); i++) {
            AgreementCommittee committee = committees.get(i);
            if (!names.add(committee.name)) {
                errors.add(new FieldError("committees[" + i + "].name", committee.name + " is given twice"));
            }
            for (String code : committee.areaCodes) {
                String owner = areaOwner.putIfAbsent(code, committee.name);
                if (owner != null && !owner.equals(committee.name)) {
                    errors.add(new FieldError("committees[" + i + "].areaCodes", code + " is in " + owner
                            + " already"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_AREA_IN_ONE_COMMITTEE, "An area answers to at most one committee,"
                    + " and each committee is named once", errors);
        }
        checkFrames();
    }

    private void checkFrames() {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < committees.size(); i++) {
            Set<Integer> given = new HashSet<>();
            committees.get(i).frames.forEach(frame -> given.add(frame.year));
            if (!given.equals(new HashSet<>(years()))) {
                errors.add(new FieldError("committees[" + i + "].frames", "has frames for " + given.stream().sorted()
                        .toList() + "; the agreement covers " + years()));
            }
            for (YearFrame frame : committees.get(i).frames) {
                if (frame.amount < 0) {
                    errors.add(new FieldError("committees[" + i + "].frames", "the frame of " + frame.year + " is "
                            + frame.amount + " kr.; a frame is 0 kr. or more"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_FRAMES, "Each committee has a fixed frame of 0 kr. or more for"
                    + " every budget year the agreement covers (" + firstYear + "–" + lastYear + "), and for no"
                    + " other", errors);
        }
    }
}
