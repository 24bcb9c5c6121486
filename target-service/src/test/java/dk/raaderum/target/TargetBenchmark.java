package dk.raaderum.target;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.type.TypeReference;

import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaResource;
import dk.raaderum.platform.testing.Latencies;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;
import dk.raaderum.target.Fixture.Place;
import dk.raaderum.target.domain.AllocationCalculator;
import dk.raaderum.target.domain.AllocationKey;
import dk.raaderum.target.domain.DifferentiatedFunction;
import dk.raaderum.target.service.AllocationModels.AllocationRequest;
import dk.raaderum.target.service.AllocationModels.AreaSetting;
import dk.raaderum.target.service.AllocationModels.ManualAmount;
import dk.raaderum.target.service.AllocationService;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ./mvnw verify -Pbenchmark -pl target-service}: prints how long an allocation of a target over 50 areas × 4
 * years with exemptions takes (the pure function, the service in-process with its database work, and over HTTP), and
 * how long after a {@code proposal.adopted} event on the real topic the coverage read endpoint shows it. Asserts nothing
 * about speed.
 */
@QuarkusTest
class TargetBenchmark {

    private static final int AREAS = 50;

    @Test
    void allocationAndCoverageLatency() throws Exception {
        Place place = Fixture.at("851", 2098);
        Map<String, Long> budget = new LinkedHashMap<>();
        for (int i = 1; i <= AREAS; i++) {
            budget.put(String.format("A%02d", i), 20_000_000L + i * 7_654_321L);
        }
        Fixture.importBudget(place, budget);
        long target = Fixture.createTarget(place, Fixture.percentTarget(place, "ANNUAL_NEW", "1.0", "1.0", "1.0", "1.0"));
        AllocationRequest request = request(place, budget);
        Map<String, Object> httpRequest = Fixture.JSON.convertValue(request, new TypeReference<Map<String, Object>>() { });

        pureFunction(budget);

        AllocationService service = Arc.container().instance(AllocationService.class).get();
        Actor actor = Actor.system("benchmark", place.municipality(), Roles.FINANCE_OFFICER);
        for (int i = 0; i < 30; i++) {
            service.allocate(actor, place.municipality(), target, request, Optional.empty());
        }
        long[] inProcess = new long[200];
        for (int i = 0; i < inProcess.length; i++) {
            long start = System.nanoTime();
            service.allocate(actor, place.municipality(), target, request, Optional.empty());
            inProcess[i] = System.nanoTime() - start;
        }
        print("allocation, service in-process (new round of a draft target stored: 200 lines, 4 totals)", inProcess, 99);

        long[] preview = new long[300];
        for (int i = 0; i < preview.length; i++) {
            long start = System.nanoTime();
            QuarkusTransaction.requiringNew().call(() -> service.preview(actor, place.municipality(), target, request));
            preview[i] = System.nanoTime() - start;
        }
        print("allocation preview, service in-process (budget read + calculation)", preview, 99);

        String token = place.finance();
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(token).contentType("application/json").body(httpRequest)
                    .post(place.base() + "/targets/" + target + "/allocations").then().statusCode(201);
        }
        long[] http = new long[200];
        for (int i = 0; i < http.length; i++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).contentType("application/json").body(httpRequest)
                    .post(place.base() + "/targets/" + target + "/allocations").then().statusCode(201);
            http[i] = System.nanoTime() - start;
        }
        print("allocation over HTTP (POST …/allocations, new round, client-side)", http, 99);

        coverageLatency();
    }

    private static void pureFunction(Map<String, Long> budget) {
        List<Integer> years = List.of(2098, 2099, 2100, 2101);
        List<AllocationCalculator.Area> areas = new ArrayList<>();
        int i = 0;
        long total = 0;
        for (Map.Entry<String, Long> entry : budget.entrySet()) {
            i++;
            long[] amounts = { entry.getValue(), entry.getValue(), entry.getValue(), entry.getValue() };
            total += entry.getValue();
            Long[] manual = i == 9 || i == 10 ? new Long[] { 1_000_000L, null, null, 2_000_000L } : null;
            areas.add(new AllocationCalculator.Area(entry.getKey(), amounts, i <= 4,
                    i > 4 && i <= 8 ? new BigDecimal("0.5") : null, manual, BigDecimal.valueOf(80 + i), null));
        }
        long yearly = total / 100 / 1000 * 1000;
        AllocationCalculator.Problem problem = new AllocationCalculator.Problem(years,
                new long[] { yearly, 2 * yearly, 3 * yearly, 4 * yearly }, 1000, AllocationKey.DIFFERENTIATED,
                new DifferentiatedFunction(BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("1.5")), areas);
        for (int w = 0; w < 20_000; w++) {
            AllocationCalculator.allocate(problem);
        }
        long[] samples = new long[20_000];
        for (int s = 0; s < samples.length; s++) {
            long start = System.nanoTime();
            AllocationCalculator.allocate(problem);
            samples[s] = System.nanoTime() - start;
        }
        print("allocation, pure function (50 areas × 4 years, 4 exempt, 4 halved, 2 manual, DIFFERENTIATED)", samples, 99);
    }

    /** Coverage read model: time from sending proposal.adopted to the coverage endpoint showing it. */
    private static void coverageLatency() throws Exception {
        Place place = Fixture.at("849", 2099);
        Fixture.importBudget(place, Map.of("ADM", 100_000_000L, "ÆLD", 600_000_000L));
        String token = place.finance();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.cluster().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            int warmup = 10;
            int events = 60;
            long[] samples = new long[events];
            for (int i = 1; i <= warmup + events; i++) {
                long id = Fixture.proposalId();
                String json = Fixture.envelope(Events.PROPOSAL_ADOPTED, UUID.randomUUID().toString(), String.valueOf(id),
                        place.municipality(), Fixture.adopted(place, id, "SAVING", "ADM",
                                Fixture.perYear(place, -1_000, -1_000, -1_000, -1_000), Instant.now()));
                long expected = i * 1_000L;
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(Events.PROPOSAL_ADOPTED.topic(), String.valueOf(id), json));
                producer.flush();
                while (true) {
                    long covered = given().auth().oauth2(token).get(place.base() + "/coverage/" + place.budgetYear())
                            .then().statusCode(200).extract().jsonPath()
                            .getLong("areas.find { it.areaCode == 'ADM' }.years[0].covered");
                    if (covered >= expected) {
                        break;
                    }
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new IllegalStateException("coverage did not show event " + i + " within 30 s");
                    }
                    Thread.sleep(2);
                }
                if (i > warmup) {
                    samples[i - warmup - 1] = System.nanoTime() - start;
                }
            }
            print("coverage update latency, proposal.adopted on the topic → GET …/coverage shows it", samples, 95);
        }
    }

    private static AllocationRequest request(Place place, Map<String, Long> budget) {
        List<AreaSetting> settings = new ArrayList<>();
        int i = 0;
        for (String code : budget.keySet()) {
            i++;
            List<ManualAmount> manual = i == 9 || i == 10
                    ? List.of(new ManualAmount(place.budgetYear(), 1_000_000L), new ManualAmount(place.budgetYear() + 3,
                            2_000_000L))
                    : null;
            settings.add(new AreaSetting(code, i <= 4 ? Boolean.TRUE : null, i > 4 && i <= 8 ? new BigDecimal("0.5") : null,
                    manual, BigDecimal.valueOf(80 + i), null));
        }
        return new AllocationRequest(AllocationKey.DIFFERENTIATED, "Benchmark", 1000L, null, settings, null);
    }

    private static void print(String what, long[] nanos, int upper) {
        Latencies l = Latencies.of(nanos);
        System.out.printf("TargetBenchmark | %s | n=%d | p50=%.3f ms | p%d=%.3f ms | max=%.3f ms%n", what, l.count(),
                l.millis(50), upper, l.millis(upper), l.maxMillis());
    }
}
