package dk.raaderum.proposal.service;

import dk.raaderum.platform.events.target.PolicyAreasChangedV1;
import dk.raaderum.platform.events.target.PolicyAreasChangedV1.RegisteredArea;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.domain.RegisterCopy;
import dk.raaderum.proposal.repository.RegisterCopyRepository;
import dk.raaderum.proposal.repository.RegisterCopyRepository.AreaRow;
import dk.raaderum.proposal.service.simulation.SimulationModels.Warning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * proposal-service's copy of each municipality's register of policy areas (target-service owns it; its
 * {@code policy-area.changed} carries the whole register, and a newer revision replaces the copy). Catalog areas are
 * checked against it; renames reach the areas of the municipality's catalogs that are not adopted yet.
 */
@ApplicationScoped
public class AreaRegisterCopy {

    /** Warning: no register of the municipality has reached proposal-service yet; area codes were not checked. */
    public static final String AREA_REGISTER_MISSING = "area-register-missing";
    /** Warning: an area of the catalog is not in the register, or is retired. */
    public static final String AREA_NOT_IN_REGISTER = "area-not-in-register";
    /** Warning: a new area is not in the copy, but the caller named a newer revision: its event is on its way. */
    public static final String AREA_REGISTER_PENDING = "area-register-pending";
    /** 422 rule: a new catalog area that the (known) register does not have, or has retired. */
    public static final String RULE_AREA_NOT_IN_REGISTER = "area-not-in-register";

    private static final Logger LOG = Logger.getLogger(AreaRegisterCopy.class);

    private final RegisterCopyRepository copies;
    private final Clock clock;

    public AreaRegisterCopy(RegisterCopyRepository copies, Clock clock) {
        this.copies = copies;
        this.clock = clock;
    }

    /** Applies one event; runs in the idempotent consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent<PolicyAreasChangedV1> event) {
        PolicyAreasChangedV1 register = event.payload();
        String municipality = event.municipality();
        RegisterCopy copy = copies.findByIdOptional(municipality).orElse(null);
        if (copy != null && copy.revision >= register.revision()) {
            LOG.infof("Ignoring revision %d of %s's register of policy areas: revision %d is already applied",
                    register.revision(), municipality, copy.revision);
            return;
        }
        boolean first = copy == null;
        if (first) {
            copy = new RegisterCopy();
            copy.municipality = municipality;
        }
        copy.revision = register.revision();
        copy.changedAt = register.changedAt() == null ? event.time() : register.changedAt();
        copy.receivedAt = clock.instant();
        if (first) {
            copies.persist(copy);
        }
        copies.flush();
        copies.deleteAreas(municipality);
        int renamed = 0;
        for (RegisteredArea area : register.areas()) {
            copies.persistArea(entity(municipality, area));
            renamed += copies.renameInCatalogs(municipality, area.code(), area.name());
        }
        LOG.infof("Register of policy areas of %s: revision %d, %d areas, %d catalog area(s) renamed", municipality,
                register.revision(), register.areas().size(), renamed);
    }

    private static dk.raaderum.proposal.domain.RegisteredArea entity(String municipality, RegisteredArea area) {
        var row = new dk.raaderum.proposal.domain.RegisteredArea();
        row.municipality = municipality;
        row.code = area.code();
        row.name = area.name();
        row.mainAccount = area.mainAccount();
        row.committee = area.committee();
        row.active = area.active();
        return row;
    }

    /**
     * The copy of one municipality's register ({@code revision} 0: none received), as values: read for one answer, or
     * kept between simulations ({@code SimulationInputs}).
     */
    public record Lookup(long revision, Map<String, AreaRow> byCode) {

        public Lookup {
            byCode = Map.copyOf(byCode);
        }

        public boolean known() {
            return revision > 0;
        }

        public boolean usable(String code) {
            AreaRow area = byCode.get(code);
            return area != null && area.active();
        }

        /** The register's name of the area, else the one given. */
        public String name(String code, String fallback) {
            AreaRow area = byCode.get(code);
            return area == null ? fallback : area.name();
        }

        /** What an answer about these codes should flag: no register, or codes outside it. */
        public List<Warning> warnings(Collection<String> codes) {
            if (!known()) {
                return List.of(missing());
            }
            List<String> outside = outside(codes);
            return outside.isEmpty() ? List.of() : List.of(new Warning(AREA_NOT_IN_REGISTER,
                    "Not in the municipality's register of policy areas, or retired: " + String.join(", ", outside)));
        }

        /** The codes (sorted, once each) that are not active areas of a known register; none for an unknown one. */
        public List<String> outside(Collection<String> codes) {
            return known() ? codes.stream().distinct().filter(code -> !usable(code)).sorted().toList() : List.of();
        }
    }

    public Lookup lookup(String municipality) {
        Optional<RegisterCopy> copy = copies.findByIdOptional(municipality);
        Map<String, AreaRow> byCode = new HashMap<>();
        if (copy.isPresent()) {
            copies.areas(municipality).forEach(area -> byCode.put(area.code(), area));
        }
        return new Lookup(copy.map(c -> c.revision).orElse(0L), byCode);
    }

    /**
     * Checks the codes of new catalog areas. A retired code is refused (422). A code the known copy does not have is
     * refused too, unless the caller names a newer {@code policyAreaRevision} than the copy (it has just added the
     * area in target-service and the event is on its way): then it is accepted with {@code area-register-pending}.
     * Without any copy, every code is accepted with {@code area-register-missing}.
     *
     * @param fields where each code stands in the request ({@code areas[0].code})
     */
    public List<Warning> requireRegistered(Lookup lookup, String municipality, List<String> codes, List<String> fields,
            Long policyAreaRevision) {
        if (!lookup.known()) {
            return List.of(missing());
        }
        boolean newerKnown = policyAreaRevision != null && policyAreaRevision > lookup.revision();
        List<FieldError> errors = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            AreaRow area = lookup.byCode().get(code);
            if (area != null && !area.active()) {
                errors.add(new FieldError(fields.get(i), "area " + code + " is retired in the register of policy areas"));
            } else if (area == null && newerKnown) {
                pending.add(code);
            } else if (area == null) {
                errors.add(new FieldError(fields.get(i), "area " + code + " is not in the register of policy areas"
                        + " (revision " + lookup.revision() + " as proposal-service knows it)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_AREA_NOT_IN_REGISTER, errors.get(0).message() + (errors.size() > 1
                    ? " (and " + (errors.size() - 1) + " more, see errors)" : "") + ". Add it to municipality "
                    + municipality + "'s register in target-service (PUT …/policy-areas/{code}); right after adding it,"
                    + " send its answer's revision as ?policyAreaRevision= so this does not wait for the event.",
                    errors);
        }
        return pending.isEmpty() ? List.of() : List.of(new Warning(AREA_REGISTER_PENDING, "Not yet in revision "
                + lookup.revision() + " of the register as proposal-service knows it; accepted because revision "
                + policyAreaRevision + " was named: " + String.join(", ", pending)));
    }

    static Warning missing() {
        return new Warning(AREA_REGISTER_MISSING, "No register of policy areas of the municipality has reached"
                + " proposal-service yet, so area codes were not checked (target-service: …/policy-areas)");
    }
}
