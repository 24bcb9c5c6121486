package dk.raaderum.proposal;

import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.investment;
import static dk.raaderum.proposal.support.Api.proposal;

import dk.raaderum.platform.testing.Latencies;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.proposal.domain.ProposalType;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.ProposalRepository;
import dk.raaderum.proposal.repository.TargetAllocationRepository;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints latency and throughput numbers; asserts nothing about speed. Run with
 * {@code ./mvnw verify -Pbenchmark -pl proposal-service}.
 * <ul>
 * <li>simulation of 200 proposals × 4 years: pure computation, the service call (with its query), and over HTTP;</li>
 * <li>the catalog list (page of 50) at a fixed rate of 200 requests/s for 10 s.</li>
 * </ul>
 */
@QuarkusTest
class ProposalBenchmark {

    private static final String M = "101";
    private static final int Y = 2060;
    private static final String[] AREAS = { "ÆLD", "SKO", "DAG", "TEK" };

    @Inject
    SimulationService simulations;

    @Inject
    CatalogRepository catalogsRepo;

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
        Latencies service = Latencies.time(300, 2000, () -> simulations.simulate(actor, M, catalog, request));
        report("simulation, service call (3 queries + compute)", service);
        // where the service call's time goes
        report("  catalog with areas", Latencies.time(300, 2000, () -> catalogsRepo.findWithAreas(M, catalog)));
        report("  year rows of the catalog (800)", Latencies.time(300, 2000, () -> proposalsRepo.yearRows(catalog)));
        report("  target allocations", Latencies.time(300, 2000, () -> targetsRepo.forBudgetYear(M, Y)));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = Users.financeOfficer(M);
        String body = "{\"proposalIds\":" + ids + "}";
        HttpRequest simulate = HttpRequest.newBuilder(uri(base(M) + "/catalogs/" + catalog + "/simulations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Latencies overHttp = Latencies.time(100, 500, () -> send(http, simulate));
        report("simulation over HTTP (one client, sequential)", overHttp);

        HttpRequest list = HttpRequest.newBuilder(uri(base(M) + "/catalogs/" + catalog + "/proposals?size=50&sort=-netTotal"))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpRequest read = HttpRequest.newBuilder(uri(base(M) + "/catalogs/" + catalog))
                .header("Authorization", "Bearer " + token).GET().build();
        report("baseline: read the catalog (one client, seq.)", Latencies.time(200, 500, () -> send(http, read)));
        report("catalog list (one client, sequential)", Latencies.time(200, 500, () -> send(http, list)));
        fixedRate(http, list, 200, Duration.ofSeconds(10));
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

    private void fixedRate(HttpClient http, HttpRequest request, int perSecond, Duration duration) throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long total = perSecond * duration.toSeconds();
        AtomicInteger sent = new AtomicInteger();
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() > total) {
                return;
            }
            long t0 = System.nanoTime();
            synchronized (inFlight) {
                inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, e) -> {
                    latencies.add(System.nanoTime() - t0);
                    if (e != null || response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }));
            }
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdown();
        synchronized (inFlight) {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Latencies l = Latencies.of(latencies.stream().mapToLong(Long::longValue).toArray(), seconds);
        System.out.printf("  %-48s %5d requests in %.1f s = %.0f req/s, errors %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                "catalog list at " + perSecond + " req/s (page of 50)", l.count(), seconds, l.perSecond(), errors.get(),
                l.millis(50), l.millis(99), l.maxMillis());
    }

    private URI uri(String path) {
        return URI.create(root.toString().replaceAll("/$", "") + path);
    }

    private static void send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, Latencies l) {
        System.out.printf("  %-48s %s%n", what, l.summary());
    }
}
