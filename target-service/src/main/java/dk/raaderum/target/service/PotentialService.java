package dk.raaderum.target.service;

import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.PageOf;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.target.config.TargetConfig;
import dk.raaderum.target.domain.AllocationException;
import dk.raaderum.target.domain.Comparison;
import dk.raaderum.target.domain.PotentialAnalysis;
import dk.raaderum.target.domain.PotentialArea;
import dk.raaderum.target.domain.PotentialCalculator;
import dk.raaderum.target.domain.Realisation;
import dk.raaderum.target.domain.Realism;
import dk.raaderum.target.repository.PotentialAnalysisRepository;
import dk.raaderum.target.service.PotentialModels.ComparisonInput;
import dk.raaderum.target.service.PotentialModels.PotentialAreaInput;
import dk.raaderum.target.service.PotentialModels.PotentialAreaView;
import dk.raaderum.target.service.PotentialModels.PotentialInput;
import dk.raaderum.target.service.PotentialModels.PotentialSummary;
import dk.raaderum.target.service.PotentialModels.PotentialView;
import dk.raaderum.target.service.PotentialModels.RealisationInput;
import dk.raaderum.target.service.PotentialModels.RealisedAmount;
import dk.raaderum.target.service.PotentialModels.RealismInput;
import dk.raaderum.target.service.PotentialModels.RealismView;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Potential analyses: define, load the comparison set (JSON or CSV), record what has been realised, read the ranked
 * result ({@link PotentialCalculator}). Comparison rows of the analysing municipality itself are skipped: its own
 * unit cost is stated per area.
 */
@ApplicationScoped
public class PotentialService {

    /** 422 rule: a potential analysis's areas and figures (the first error named, all listed). */
    public static final String RULE_POTENTIAL_ANALYSIS = "potential-analysis";
    /** 422 rule: the realisation settings of a potential analysis (the first error named, all listed). */
    public static final String RULE_REALISATION_ROWS = "realisation-rows";
    /** 422 rule: the potential analysis named exists in the municipality. */
    public static final String RULE_UNKNOWN_POTENTIAL_ANALYSIS = "unknown-potential-analysis";

    private final PotentialAnalysisRepository analyses;
    private final TargetAccess access;
    private final TargetConfig.Potential config;
    private final Clock clock;

    public PotentialService(PotentialAnalysisRepository analyses, TargetAccess access, TargetConfig config, Clock clock) {
        this.analyses = analyses;
        this.access = access;
        this.config = config.potential();
        this.clock = clock;
    }

    public PageOf<PotentialSummary> list(String municipality, int page, int size) {
        List<PotentialSummary> items = analyses.page(municipality, page, size).stream().map(analysis -> {
            PotentialCalculator.Result result = calculate(analysis);
            return new PotentialSummary(analysis.id, analysis.name, analysis.budgetYear, analysis.benchmarkRank,
                    analysis.areas.size(), result.total(), result.realisticTotal(), result.complete(), analysis.updatedAt,
                    analysis.version);
        }).toList();
        return new PageOf<>(items, page, size, analyses.countFor(municipality));
    }

    public Optional<PotentialView> get(String municipality, long id) {
        return analyses.findInMunicipality(municipality, id).map(PotentialService::view);
    }

    @Transactional
    public PotentialView create(Actor actor, String municipality, PotentialInput input) {
        access.requireFinanceOfficer(actor, "make potential analyses");
        PotentialAnalysis analysis = new PotentialAnalysis();
        analysis.municipality = municipality;
        Instant now = clock.instant();
        analysis.created(actor.name(), now);
        apply(analysis, input, actor, now);
        analyses.persist(analysis);
        analyses.flush();
        return view(analysis);
    }

    @Transactional
    public PotentialView update(Actor actor, String municipality, long id, PotentialInput input, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "change potential analyses");
        PotentialAnalysis analysis = find(municipality, id);
        EntityTags.requireUnchanged(ifMatch, input.version(), analysis.version);
        apply(analysis, input, actor, clock.instant());
        analyses.flush();
        return view(analysis);
    }

    /** Replaces the comparison set from CSV (long or wide layout, see the README); all rows or none. */
    @Transactional
    public PotentialView replaceComparisons(Actor actor, String municipality, long id, String csv, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "change potential analyses");
        PotentialAnalysis analysis = find(municipality, id);
        EntityTags.requireIfMatch(ifMatch, analysis.version);
        Set<String> areaCodes = new HashSet<>();
        analysis.areas.forEach(area -> areaCodes.add(area.code));
        List<Comparison> rows = ComparisonRows.fromCsv(csv, areaCodes, municipality);
        analysis.comparisons.clear();
        analysis.comparisons.addAll(rows);
        touch(analysis, actor);
        analyses.flush();
        return view(analysis);
    }

    @Transactional
    public PotentialView replaceRealisation(Actor actor, String municipality, long id, RealisationInput input,
            Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "record realised potential");
        PotentialAnalysis analysis = find(municipality, id);
        EntityTags.requireUnchanged(ifMatch, input.version(), analysis.version);
        Set<String> areaCodes = new HashSet<>();
        analysis.areas.forEach(area -> areaCodes.add(area.code));
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.realised().size(); i++) {
            RealisedAmount row = input.realised().get(i);
            if (!areaCodes.contains(row.areaCode())) {
                errors.add(new FieldError("realised[" + i + "].areaCode", row.areaCode() + " is not an area of the analysis"));
            } else if (!seen.add(row.areaCode() + ":" + row.year())) {
                errors.add(new FieldError("realised[" + i + "].year", row.areaCode() + " " + row.year() + " is given twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_REALISATION_ROWS,
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        analysis.realisation.clear();
        input.realised().forEach(row -> analysis.realisation.add(new Realisation(row.areaCode(), row.year(), row.amount())));
        touch(analysis, actor);
        analyses.flush();
        return view(analysis);
    }

    @Transactional
    public void delete(Actor actor, String municipality, long id, Optional<Long> ifMatch) {
        access.requireFinanceOfficer(actor, "delete potential analyses");
        PotentialAnalysis analysis = find(municipality, id);
        EntityTags.checkIfMatch(ifMatch, analysis.version);
        analyses.delete(analysis);
    }

    /**
     * The spending index of every area with a benchmark (own / N-th cheapest × 100), for a DIFFERENTIATED key.
     */
    Map<String, BigDecimal> spendingIndices(String municipality, long id) {
        PotentialAnalysis analysis = analyses.findInMunicipality(municipality, id)
                .orElseThrow(() -> ProblemException.ruleViolation(RULE_UNKNOWN_POTENTIAL_ANALYSIS,
                        "Potential analysis " + id
                        + " does not exist in municipality " + municipality,
                        List.of(new FieldError("differentiated.potentialAnalysisId", "no such analysis"))));
        Map<String, BigDecimal> indices = new LinkedHashMap<>();
        calculate(analysis).ranked().stream().filter(area -> area.spendingIndex() != null)
                .forEach(area -> indices.put(area.code(), area.spendingIndex()));
        return indices;
    }

    private PotentialAnalysis find(String municipality, long id) {
        return analyses.findInMunicipality(municipality, id)
                .orElseThrow(() -> ProblemException.notFound("Potential analysis", id));
    }

    /** The realism an input asks for; no realism = NONE without factor or cap. */
    private record RealismChoice(Realism kind, BigDecimal factor, Long cap) {

        static RealismChoice of(RealismInput input) {
            return input == null ? new RealismChoice(Realism.NONE, null, null)
                    : new RealismChoice(input.kind(), input.factor(), input.cap());
        }

        void check(List<FieldError> errors) {
            if (kind == Realism.FACTOR && factor == null) {
                errors.add(new FieldError("realism.factor", "a FACTOR realism needs a factor between 0 and 1"));
            }
            if (kind == Realism.CAP && cap == null) {
                errors.add(new FieldError("realism.cap", "a CAP realism needs the cap in kroner"));
            }
            if (kind != Realism.FACTOR && factor != null) {
                errors.add(new FieldError("realism.factor", "only a FACTOR realism has a factor"));
            }
            if (kind != Realism.CAP && cap != null) {
                errors.add(new FieldError("realism.cap", "only a CAP realism has a cap"));
            }
        }
    }

    private void apply(PotentialAnalysis analysis, PotentialInput input, Actor actor, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = areaCodes(input.areas(), errors);
        RealismChoice realism = RealismChoice.of(input.realism());
        realism.check(errors);
        List<Comparison> comparisons = input.comparisons() == null ? null
                : comparisons(input.comparisons(), codes, analysis.municipality, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_POTENTIAL_ANALYSIS, errors.get(0).field() + ": "
                    + errors.get(0).message(), errors);
        }
        analysis.name = input.name().strip();
        analysis.description = input.description();
        analysis.budgetYear = input.budgetYear();
        analysis.benchmarkRank = input.rank() == null ? config.defaultRank() : input.rank();
        analysis.realism = realism.kind();
        analysis.realismFactor = realism.factor();
        analysis.realismCap = realism.cap();
        replaceAreas(analysis, input.areas());
        if (comparisons != null) {
            analysis.comparisons.clear();
            analysis.comparisons.addAll(comparisons);
        } else {
            analysis.comparisons.removeIf(c -> !codes.contains(c.areaCode));
        }
        analysis.realisation.removeIf(r -> !codes.contains(r.areaCode));
        analysis.changed(actor.name(), now);
    }

    /** The area codes of the input; a code given twice is an error. */
    private static Set<String> areaCodes(List<PotentialAreaInput> areas, List<FieldError> errors) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            if (!codes.add(areas.get(i).code())) {
                errors.add(new FieldError("areas[" + i + "].code", areas.get(i).code() + " is given twice"));
            }
        }
        return codes;
    }

    /**
     * The comparison rows of the input, checked against the analysis's area codes; rows of the analysing municipality
     * itself are skipped.
     */
    private static List<Comparison> comparisons(List<ComparisonInput> input, Set<String> codes, String municipality,
            List<FieldError> errors) {
        List<Comparison> comparisons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ComparisonInput row = input.get(i);
            String at = "comparisons[" + i + "]";
            if (!codes.contains(row.areaCode())) {
                errors.add(new FieldError(at + ".areaCode", row.areaCode() + " is not an area of the analysis"));
            } else if (!Municipalities.exists(row.municipalityCode())) {
                errors.add(new FieldError(at + ".municipalityCode", row.municipalityCode()
                        + " is not a Danish municipality code"));
            } else if (!seen.add(row.areaCode() + ":" + row.municipalityCode())) {
                errors.add(new FieldError(at + ".municipalityCode", row.municipalityCode() + " is given twice for "
                        + row.areaCode()));
            } else if (!row.municipalityCode().equals(municipality)) {
                comparisons.add(new Comparison(row.areaCode(), row.municipalityCode(), row.unitCost()));
            }
        }
        return comparisons;
    }

    private static void replaceAreas(PotentialAnalysis analysis, List<PotentialAreaInput> input) {
        analysis.areas.clear();
        int position = 0;
        for (PotentialAreaInput in : input) {
            PotentialArea area = new PotentialArea();
            area.code = in.code();
            area.name = in.name().strip();
            area.unitLabel = in.unitLabel();
            area.volume = in.volume();
            area.ownUnitCost = in.ownUnitCost();
            area.position = position++;
            analysis.areas.add(area);
        }
    }

    private void touch(PotentialAnalysis analysis, Actor actor) {
        analysis.changed(actor.name(), clock.instant());
    }

    static PotentialCalculator.Result calculate(PotentialAnalysis analysis) {
        Map<String, List<Long>> byArea = new HashMap<>();
        analysis.comparisons.forEach(c -> byArea.computeIfAbsent(c.areaCode, code -> new ArrayList<>()).add(c.unitCost));
        List<PotentialCalculator.AreaInput> areas = analysis.areas.stream()
                .map(area -> new PotentialCalculator.AreaInput(area.code, area.volume, area.ownUnitCost,
                        byArea.getOrDefault(area.code, List.of())))
                .toList();
        try {
            return PotentialCalculator.calculate(new PotentialCalculator.Input(analysis.benchmarkRank, analysis.realism,
                    analysis.realismFactor, analysis.realismCap, areas));
        } catch (AllocationException e) {
            throw TargetProblems.of(e);
        }
    }

    /** Realised amounts per area code and year. */
    static Map<String, Map<Integer, Long>> realised(PotentialAnalysis analysis) {
        Map<String, Map<Integer, Long>> realised = new HashMap<>();
        analysis.realisation.forEach(r -> realised.computeIfAbsent(r.areaCode, code -> new TreeMap<>()).merge(r.year,
                r.amount, Math::addExact));
        return realised;
    }

    static PotentialView view(PotentialAnalysis analysis) {
        PotentialCalculator.Result result = calculate(analysis);
        Map<String, PotentialArea> areas = new HashMap<>();
        analysis.areas.forEach(area -> areas.put(area.code, area));
        Map<String, Map<Integer, Long>> realised = realised(analysis);
        Map<Integer, Long> realisedTotal = new TreeMap<>();
        realised.values().forEach(byYear -> byYear.forEach((year, amount) -> realisedTotal.merge(year, amount, Math::addExact)));
        List<PotentialAreaView> ranked = result.ranked().stream().map(r -> {
            PotentialArea area = areas.get(r.code());
            return new PotentialAreaView(r.rank(), r.code(), area.name, area.unitLabel, r.volume(), r.ownUnitCost(),
                    r.benchmark(), r.comparators(), r.ownPosition(), r.gapPerUnit(), r.potential(), r.realistic(),
                    r.sharePercent(), r.spendingIndex(), r.complete(),
                    realised.getOrDefault(r.code(), Map.of()).entrySet().stream()
                            .map(e -> new YearValue(e.getKey(), e.getValue())).toList());
        }).toList();
        return new PotentialView(analysis.id, analysis.municipality, analysis.name, analysis.description,
                analysis.budgetYear, analysis.benchmarkRank, new RealismView(analysis.realism, analysis.realismFactor,
                        analysis.realismCap),
                ranked, result.total(), result.realisticTotal(), result.scaleFactor(), result.complete(),
                analysis.comparisons.size(),
                realisedTotal.entrySet().stream().map(e -> new YearValue(e.getKey(), e.getValue())).toList(),
                analysis.createdAt, analysis.createdBy, analysis.updatedAt, analysis.updatedBy, analysis.version);
    }
}
