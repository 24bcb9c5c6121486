package dk.raaderum.target.service;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.target.domain.PolicyArea;
import dk.raaderum.target.repository.PolicyAreaRepository;
import dk.raaderum.target.service.PolicyAreaModels.Warning;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of policy areas as base budgets, allocations and coverage use it: when the municipality has a register,
 * only its active codes may be used (422 {@code area-not-in-register} naming each code and row) and the register's
 * names are shown; when it has none yet, everything is accepted as before and answers carry the warning
 * {@code area-register-missing}.
 */
@ApplicationScoped
public class AreaRegister {

    private final PolicyAreaRepository areas;

    public AreaRegister(PolicyAreaRepository areas) {
        this.areas = areas;
    }

    /** An area code as a request uses it: where it stands ({@code areas[2].code}, {@code line 4.code}) and its row. */
    public record CodeAt(String code, String field, String row) {
    }

    /** The municipality's register, read once for one answer. */
    public record Lookup(boolean exists, Map<String, PolicyArea> byCode) {

        /** The register's name of the area (renames show everywhere), else the one given. */
        public String name(String code, String fallback) {
            PolicyArea area = byCode.get(code);
            return area == null ? fallback : area.name;
        }

        public boolean usable(String code) {
            PolicyArea area = byCode.get(code);
            return area != null && area.active;
        }

        /** What an answer about these codes should flag: no register, or codes not (or no longer) in it. */
        public List<Warning> warnings(Collection<String> codes) {
            if (!exists) {
                return List.of(missing());
            }
            List<String> outside = codes.stream().distinct().filter(code -> !usable(code)).sorted().toList();
            return outside.isEmpty() ? List.of() : List.of(new Warning(PolicyAreaModels.AREA_NOT_IN_REGISTER,
                    "Not in the register of policy areas, or retired: " + String.join(", ", outside)));
        }
    }

    public Lookup lookup(String municipality) {
        boolean exists = areas.register(municipality).isPresent();
        Map<String, PolicyArea> byCode = new LinkedHashMap<>();
        if (exists) {
            areas.forMunicipality(municipality).forEach(area -> byCode.put(area.code, area));
        }
        return new Lookup(exists, byCode);
    }

    /**
     * Refuses codes that are not in the municipality's register or are retired (422, one error per code); without a
     * register, accepts them and returns the warning {@code area-register-missing}.
     */
    public List<Warning> requireRegistered(String municipality, List<CodeAt> codes) {
        return requireRegistered(lookup(municipality), municipality, codes);
    }

    /** The same with the register already read. */
    public List<Warning> requireRegistered(Lookup lookup, String municipality, List<CodeAt> codes) {
        if (!lookup.exists()) {
            return List.of(missing());
        }
        List<FieldError> errors = new ArrayList<>();
        for (CodeAt at : codes) {
            Optional<PolicyArea> area = Optional.ofNullable(lookup.byCode().get(at.code()));
            if (area.isEmpty() || !area.get().active) {
                errors.add(new FieldError(at.field(), (at.row() == null ? "" : at.row() + ": ") + "area " + at.code()
                        + (area.isEmpty() ? " is not in the register of policy areas" : " is retired in the register")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(PolicyAreaModels.RULE_AREA_NOT_IN_REGISTER, errors.size()
                    + " area code(s) are not active areas of municipality " + municipality + "'s register of policy"
                    + " areas: " + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1)
                            + " more, see errors)" : "") + ". Add them (PUT …/policy-areas/{code}) or use a registered code.",
                    errors);
        }
        return List.of();
    }

    static Warning missing() {
        return new Warning(PolicyAreaModels.AREA_REGISTER_MISSING, "The municipality has no register of policy areas"
                + " yet, so area codes were not checked; create it with POST …/policy-areas/from-budget/{budgetYear}"
                + " or PUT …/policy-areas/{code}");
    }
}
