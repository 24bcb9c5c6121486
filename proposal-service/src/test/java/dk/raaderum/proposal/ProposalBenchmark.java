package dk.raaderum.proposal;

import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.investment;
import static dk.raaderum.proposal.support.Api.proposal;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.testing.FixedRateLoad;
import dk.raaderum.platform.testing.Latencies;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.repository.InputsRevisionRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.TargetAllocationRepository;
import dk.raaderum.proposal.service.CatalogSnapshot;
import dk.raaderum.proposal.service.simulation.BudgetSimulator;
import dk.raaderum.proposal.service.simulation.SimulationModels.SimulationRequest;
import dk.raaderum.proposal.service.simulation.SimulationService;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints latency and throughput numbers; asserts nothing about speed. Run with
 * {@code ./mvnw verify -Pbenchmark -pl proposal-service}.
 * <ul>
 * <li>simulation of 200 proposals × 4 years: pure computation, the service call (with its queries) and each of its
 * reads, over HTTP sequentially and at a fixed 50 requests/s;</li>
 * <li>the catalog list (page of 50) sequentially and at a fixed rate of 200 requests/s for 30 s after a 10 s warm-up
 * ({@link FixedRateLoad}: latency from each request's due time).</li>
 * </ul>
 * Every measurement follows an unmeasured warm-up of thousands of calls: the first ~1,500 requests of a path run
 * while the JIT still compiles it (a one-row read measured p50 4.3 ms after 300 warm-up calls, 1.1 ms after 1,300),
 * and a service answers most of its requests long after that.
 */
@QuarkusTest
class ProposalBenchmark {

    private static final String M = "101";
    private static final int Y = 2060;
    private static final String[] AREAS = { "ÆLD", "SKO", "DAG", "TEK" };

    @Inject
    SimulationService simulations;

    @Inject
    InputsRevisionRepository revisionsRepo;

    @Inject
    ProposalRepository proposalsRepo;

    @Inject
    TargetAllocationRepository targetsRepo;

    @TestHTTPResource("/")
    URL root;

    @Test
    void simulationAndList() throws Exception {
        long catalog = createCatalog(M, Y, 0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String area = AREAS[i % AREAS.length];
            long full = 100_000L + i * 10_000L;
            Map<String, Object> body = switch (i % 4) {
                case 0 -> proposal(area, "SAVING", "Besparelse " + i, Y, -full / 2, -full, -full, -full);
                case 1 -> proposal(area, "EFFICIENCY", "Effektivisering " + i, Y, -full, -full, -full, -full);
                case 2 -> proposal(area, "EXPANSION", "Udvidelse " + i, Y, full, full, full, full);
                default -> investment(area, "Investering " + i, Y, new long[] { 3 * full, 0, 0, 0 },
                        new long[] { 0, full, full, full });
            };
            ids.add(createProposal(M, catalog, body));
        }
        System.out.printf("%nproposal-service benchmark (%d proposals × 4 years, 2 cores, shared machine)%n", ids.size());

        pureComputation();

        Actor actor = new Actor("bench", "Benchmark", M, null, Set.of("finance-officer"), false);
        SimulationRequest request = new SimulationRequest(ids, null, null, null);
        Latencies service = Latencies.time(3000, 5000, () -> simulations.simulate(actor, M, catalog, request));
        report("simulation, service call (unchanged catalog)", service);
        // where the service call's time goes
        report("  inputs revision (the catalog and the other inputs are kept under it)",
                Latencies.time(1000, 2000, () -> revisionsRepo.current(M)));
        report("  fingerprint of the catalog's proposals", Latencies.time(1000, 2000, () -> proposalsRepo.fingerprint(catalog)));
        report("  target allocations", Latencies.time(1000, 2000, () -> targetsRepo.forBudgetYear(M, Y)));
        // after a change the snapshot is read again: what that costs
        report("  snapshot read after a change (800 rows)", Latencies.time(100, 500,
                () -> CatalogSnapshot.of(proposalsRepo.snapshotRows(catalog))));

        Map<String, String> auth = Map.of("Authorization", "Bearer " + Users.financeOfficer(M));
        String body = "{\"proposalIds\":" + ids + "}";
        FixedRateLoad simulate = FixedRateLoad.postJson(uri(base(M) + "/catalogs/" + catalog + "/simulations"), auth, body);
        FixedRateLoad list = FixedRateLoad.get(uri(base(M) + "/catalogs/" + catalog + "/proposals?size=50&sort=-netTotal"),
                auth);
        FixedRateLoad read = FixedRateLoad.get(uri(base(M) + "/catalogs/" + catalog), auth);
        report("baseline: read the catalog (one client, seq.)", read.sequential(2000, 2000));
        report("simulation over HTTP (one client, sequential)", simulate.sequential(2000, 2000));
        report("catalog list (one client, sequential)", list.sequential(2000, 2000));
        FixedRateLoad.Result fixed = list.run(200, Duration.ofSeconds(10), Duration.ofSeconds(30));
        System.out.printf("  %-48s %s%n", "catalog list at 200 req/s (page of 50)", fixed.summary());
        FixedRateLoad.Result simulateAtRate = simulate.run(50, Duration.ofSeconds(5), Duration.ofSeconds(20));
        System.out.printf("  %-48s %s%n", "simulation at 50 req/s (200 proposals)", simulateAtRate.summary());
    }

    /** BudgetSimulator alone over 200 synthetic proposals in 10 areas, frame reduction and compensation included. */
    private static void pureComputation() {
        List<Integer> years = List.of(Y, Y + 1, Y + 2, Y + 3);
        List<BudgetSimulator.Area> areas = new ArrayList<>();
        Map<String, Map<Integer, Long>> budgets = new java.util.HashMap<>();
        Map<String, Map<Integer, Long>> targets = new java.util.HashMap<>();
        for (int a = 0; a < 10; a++) {
            String code = "A" + a;
            areas.add(new BudgetSimulator.Area(code, "Område " + a, "Udvalg"));
            Map<Integer, Long> budget = new java.util.HashMap<>();
            Map<Integer, Long> target = new java.util.HashMap<>();
            for (int year : years) {
                budget.put(year, 200_000_000L + a);
                target.put(year, 2_000_000L);
            }
            budgets.put(code, budget);
            targets.put(code, target);
        }
        List<BudgetSimulator.Item> items = new ArrayList<>();
        ProposalType[] types = ProposalType.values();
        for (int i = 0; i < 200; i++) {
            long full = 100_000L + i * 1_000L;
            ProposalType type = types[i % types.length];
            long sign = type == ProposalType.EXPANSION ? 1 : -1;
            items.add(new BudgetSimulator.Item(i, "P-" + i, type, "A" + (i % 10), Uncertainty.values()[i % 3],
                    new long[] { sign * full, sign * full, sign * full, sign * full }, i % 17 == 0));
        }
        Map<Integer, BigDecimal> frame = Map.of(Y, new BigDecimal("0.5"), Y + 1, new BigDecimal("0.5"));
        BudgetSimulator.Input input = new BudgetSimulator.Input(years, areas, items, budgets, targets, frame, Set.of("A3"),
                new BigDecimal("1.2"), Set.of("A1", "A2"), new BigDecimal("25"));
        Latencies pure = Latencies.time(2000, 20000, () -> BudgetSimulator.simulate(input));
        report("simulation, pure computation", pure);
    }

    private URI uri(String path) {
        return URI.create(root.toString().replaceAll("/$", "") + path);
    }

    private static void report(String what, Latencies l) {
        System.out.printf("  %-48s %s%n", what, l.summary());
    }
}
