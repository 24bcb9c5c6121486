package dk.raaderum.proposal.service.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Scenario;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.ScenarioRepository;
import dk.raaderum.proposal.service.simulation.SimulationModels.Selected;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationRequest;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationResult;
import dk.raaderum.proposal.service.simulation.SimulationModels.YearRoom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Named simulation scenarios, saved per user or shared in the user's party group; listed, compared side by side,
 * deleted. A scenario stores its input; its result is recomputed from today's proposals when read.
 */
@ApplicationScoped
public class ScenarioService {

    /** 422 rule: only a politician with a party shares a scenario. */
    public static final String RULE_PARTY_SCENARIO = "party-scenario";

    private final ScenarioRepository scenarios;
    private final CatalogRepository catalogs;
    private final SimulationService simulations;
    private final ObjectMapper json;
    private final Clock clock;

    public ScenarioService(ScenarioRepository scenarios, CatalogRepository catalogs, SimulationService simulations,
            ObjectMapper json, Clock clock) {
        this.scenarios = scenarios;
        this.catalogs = catalogs;
        this.simulations = simulations;
        this.json = json;
        this.clock = clock;
    }

    @Schema(description = "A scenario to save")
    public record ScenarioInput(
            @NotBlank @Size(max = 200) @Schema(example = "V-forslag: fokus på ældre") String name,
            @Schema(description = "Share it with your party group instead of keeping it for yourself") boolean shareWithParty,
            @NotNull @Valid SimulationRequest simulation) {
    }

    public record ScenarioSummary(long id, String name, String owner, String party, String createdBy, Instant createdAt,
            int proposalCount, long netRoomTotal) {
    }

    public record ScenarioView(long id, String name, String owner, String party, String createdBy, Instant createdAt,
            SimulationRequest simulation, SimulationResult result) {
    }

    public record SelectionDiff(List<Selected> onlyLeft, List<Selected> onlyRight, List<Selected> both) {
    }

    public record YearDiff(int year, long leftNetRoom, long rightNetRoom, long netRoomDifference, long roomCreatedDifference,
            long roomSpentDifference) {
    }

    public record Comparison(ScenarioSummary left, ScenarioSummary right, SelectionDiff selection, List<YearDiff> years,
            long netRoomTotalDifference) {
    }

    @Transactional
    public ScenarioView save(Actor actor, String municipality, long catalogId, ScenarioInput input) {
        SimulationService.requireSimulationRole(actor);
        catalogs.findInMunicipality(municipality, catalogId).orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
        if (input.shareWithParty() && actor.party() == null) {
            throw ProblemException.ruleViolation(RULE_PARTY_SCENARIO,
                    "Only a politician with a party can share a scenario"
                    + " with a party group");
        }
        SimulationResult result = simulations.simulate(actor, municipality, catalogId, input.simulation());
        boolean clash = scenarios.visibleTo(catalogId, actor.id(), actor.party()).stream()
                .anyMatch(s -> s.name.equalsIgnoreCase(input.name().strip())
                        && (s.ownerKind == Scenario.Owner.PARTY) == input.shareWithParty());
        if (clash) {
            throw ProblemException.conflict("A scenario named '" + input.name().strip() + "' exists already");
        }
        Scenario scenario = new Scenario();
        scenario.catalogId = catalogId;
        scenario.municipality = municipality;
        scenario.name = input.name().strip();
        scenario.ownerKind = input.shareWithParty() ? Scenario.Owner.PARTY : Scenario.Owner.USER;
        scenario.ownerId = actor.id();
        scenario.party = input.shareWithParty() ? actor.party() : null;
        scenario.input = write(input.simulation());
        scenario.createdAt = clock.instant();
        scenario.createdBy = actor.name();
        scenarios.persist(scenario);
        scenarios.flush();
        return view(scenario, result);
    }

    public List<ScenarioSummary> list(Actor actor, String municipality, long catalogId) {
        SimulationService.requireSimulationRole(actor);
        catalogs.findInMunicipality(municipality, catalogId).orElseThrow(() -> ProblemException.notFound("Catalog", catalogId));
        return scenarios.visibleTo(catalogId, actor.id(), actor.party()).stream()
                .map(s -> summary(s, simulations.simulate(actor, municipality, catalogId, read(s.input), true)))
                .toList();
    }

    public ScenarioView get(Actor actor, String municipality, long catalogId, long id) {
        Scenario scenario = visible(actor, municipality, catalogId, id);
        return view(scenario, simulations.simulate(actor, municipality, catalogId, read(scenario.input), true));
    }

    @Transactional
    public void delete(Actor actor, String municipality, long catalogId, long id) {
        Scenario scenario = visible(actor, municipality, catalogId, id);
        scenarios.delete(scenario);
    }

    /** Right minus left: which proposals differ, and the difference of the totals per year. */
    public Comparison compare(Actor actor, String municipality, long catalogId, long leftId, long rightId) {
        Scenario left = visible(actor, municipality, catalogId, leftId);
        Scenario right = visible(actor, municipality, catalogId, rightId);
        SimulationResult l = simulations.simulate(actor, municipality, catalogId, read(left.input), true);
        SimulationResult r = simulations.simulate(actor, municipality, catalogId, read(right.input), true);
        Map<Long, Selected> inLeft = l.selection().stream().collect(Collectors.toMap(Selected::id, Function.identity()));
        Map<Long, Selected> inRight = r.selection().stream().collect(Collectors.toMap(Selected::id, Function.identity()));
        Set<Long> all = new LinkedHashSet<>(inLeft.keySet());
        all.addAll(inRight.keySet());
        List<Selected> onlyLeft = new ArrayList<>();
        List<Selected> onlyRight = new ArrayList<>();
        List<Selected> both = new ArrayList<>();
        for (long id : all) {
            if (inLeft.containsKey(id) && inRight.containsKey(id)) {
                both.add(inLeft.get(id));
            } else if (inLeft.containsKey(id)) {
                onlyLeft.add(inLeft.get(id));
            } else {
                onlyRight.add(inRight.get(id));
            }
        }
        List<YearDiff> years = new ArrayList<>();
        for (int i = 0; i < l.years().size(); i++) {
            YearRoom a = l.years().get(i);
            YearRoom b = r.years().get(i);
            years.add(new YearDiff(a.year(), a.netRoom(), b.netRoom(), b.netRoom() - a.netRoom(),
                    b.roomCreated() - a.roomCreated(), b.roomSpent() - a.roomSpent()));
        }
        return new Comparison(summary(left, l), summary(right, r), new SelectionDiff(onlyLeft, onlyRight, both), years,
                r.netRoomTotal() - l.netRoomTotal());
    }

    private Scenario visible(Actor actor, String municipality, long catalogId, long id) {
        SimulationService.requireSimulationRole(actor);
        return scenarios.findInCatalog(catalogId, id)
                .filter(s -> s.municipality.equals(municipality))
                .filter(s -> s.ownerKind == Scenario.Owner.USER ? s.ownerId.equals(actor.id())
                        : s.party != null && s.party.equals(actor.party()))
                .orElseThrow(() -> ProblemException.notFound("Scenario", id));
    }

    private static ScenarioSummary summary(Scenario s, SimulationResult result) {
        return new ScenarioSummary(s.id, s.name, s.ownerKind.name(), s.party, s.createdBy, s.createdAt,
                result.selection().size(), result.netRoomTotal());
    }

    private ScenarioView view(Scenario s, SimulationResult result) {
        return new ScenarioView(s.id, s.name, s.ownerKind.name(), s.party, s.createdBy, s.createdAt, read(s.input), result);
    }

    private String write(SimulationRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SimulationRequest read(String input) {
        try {
            return json.readValue(input, SimulationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scenario input is unreadable", e);
        }
    }
}
