package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dk.raaderum.devstack.LocalStack;
import dk.raaderum.platform.events.Events;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the fault drills share: Varde's finance officer writing through the gateway (a catalog of its own per drill,
 * proposals taken to PRESENTED, the budget agreement), the effects counted in target-service (coverage) and
 * followup-service (initiatives), the records on every dead-letter topic, and the summary table every drill adds a
 * line to (printed, and kept in target/drills.txt for the README).
 */
final class Drills {

    static final String VARDE = "573";
    static final long ROOM_PER_YEAR = 100_000;
    private static final Path SUMMARY = Path.of("target", "drills.txt");
    private static final String HEADER = String.format("%-34s %10s %12s %10s %10s %13s %5s  %s", "drill", "operations",
            "acknowledged", "delivered", "duplicates", "dead-lettered", "5xx", "notes");

    private Drills() {
    }

    /** One line of the summary table. */
    record Row(String drill, long operations, long acknowledged, long delivered, long duplicates, long deadLettered,
            long serverErrors, String notes) {

        String line() {
            return String.format("%-34s %10d %12d %10d %10d %13d %5d  %s", drill, operations, acknowledged, delivered,
                    duplicates, deadLettered, serverErrors, notes);
        }
    }

    /** Prints the line and adds it to target/drills.txt. */
    static synchronized void report(Row row) {
        try {
            if (!Files.exists(SUMMARY)) {
                Files.createDirectories(SUMMARY.getParent());
                Files.writeString(SUMMARY, HEADER + System.lineSeparator(), StandardCharsets.UTF_8);
            }
            Files.writeString(SUMMARY, row.line() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            System.out.println("[drill] " + HEADER + System.lineSeparator() + "[drill] " + row.line());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestSpecification as(String token) {
        return given().baseUri(SharedStack.gateway()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String varde(String path) {
        return "/api/v1/municipalities/" + VARDE + path;
    }

    static String financeToken() {
        return SharedStack.keycloak().passwordToken("varde-finance");
    }

    /** A new catalog of Varde for {@code year} with the demo's areas; its id. */
    static long catalog(String token, int year) {
        return catalog(VARDE, token, year);
    }

    /**
     * A new catalog of a municipality for {@code year} with the demo's areas; its id. Without a karensperiode: drills of
     * consecutive years write near-identical proposals, and one drill's proposals that were presented but not adopted
     * (a drill that failed half-way) must not block the next drill's.
     */
    static long catalog(String municipality, String token, int year) {
        Map<String, Object> body = Map.of("budgetYear", year, "title", "Øvelseskatalog " + year,
                "karensperiodeYears", 0, "areas", List.of(
                Map.of("code", "ÆLD", "name", "Ældre", "mainAccount", 5, "committee", "Social- og Sundhedsudvalget"),
                Map.of("code", "ADM", "name", "Administration", "mainAccount", 6, "committee", "Økonomiudvalget")));
        return RateLimited.send(() -> as(token).body(body).post("/api/v1/municipalities/" + municipality + "/catalogs"))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An efficiency proposal creating {@link #ROOM_PER_YEAR} of room in each of the catalog's four years. */
    static Map<String, Object> proposal(int year, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "Færre kørselstimer i hjemmeplejen med bedre ruteplanlægning.");
        body.put("type", "EFFICIENCY");
        body.put("classificationRationale", "Samme hjælp til borgerne med færre kørselstimer.");
        body.put("areaCode", "ÆLD");
        body.put("origin", Map.of("kind", "ADMINISTRATION"));
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            years.add(Map.of("year", year + i, "amount", -ROOM_PER_YEAR));
        }
        body.put("operatingChange", years);
        body.put("uncertainty", "LOW");
        return body;
    }

    /** The outcome of one write: the proposal's id when every step was acknowledged, and the statuses seen. */
    record Write(Long proposalId, List<Integer> statuses) {

        boolean acknowledged() {
            return proposalId != null;
        }

        long serverErrors() {
            return statuses.stream().filter(status -> status >= 500).count();
        }
    }

    /** Creates a proposal and takes it to PRESENTED: acknowledged only when all four steps answered 2xx. */
    static Write presentedProposal(String token, long catalog, int year, String title) {
        List<Integer> statuses = new ArrayList<>();
        Response created = safely(() -> as(token).body(proposal(year, title))
                .post(varde("/catalogs/" + catalog + "/proposals")));
        statuses.add(created.statusCode());
        if (created.statusCode() != 201) {
            return new Write(null, statuses);
        }
        long id = created.jsonPath().getLong("id");
        for (String action : List.of("SUBMIT", "QUALIFY", "PRESENT")) {
            Response moved = safely(() -> as(token).body(Map.of("action", action, "comment", "øvelse"))
                    .post(varde("/proposals/" + id + "/transitions")));
            statuses.add(moved.statusCode());
            if (moved.statusCode() != 200) {
                return new Write(null, statuses);
            }
        }
        return new Write(id, statuses);
    }

    /** A request that may meet a closed connection while a service is down: that counts as a 599, not an error. */
    static Response safely(java.util.function.Supplier<Response> request) {
        try {
            return RateLimited.send(request);
        } catch (RuntimeException connectionLost) {
            return new io.restassured.builder.ResponseBuilder().setStatusCode(599).setBody("").build();
        }
    }

    /**
     * Waits until the gateway serves proposal-service again after it was down (its circuit breaker lets a trial request
     * through once its open time is over).
     */
    static void awaitProposalsServed(String token) {
        await("proposal-service served through the gateway again").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> as(token).get(varde("/catalogs")).statusCode() == 200);
    }

    /**
     * Waits until a service's consumer group is stable again with one member per channel, each holding its partitions:
     * no member of a stopped or killed instance is left in it, so the service consumes again. Fails after
     * {@code atMost} from {@code since} (at least a second from now); returns the time from {@code since}.
     */
    static Duration awaitConsumersBack(LocalStack stack, String group, Instant since, Duration atMost) {
        Duration left = atMost.minus(Duration.between(since, Instant.now()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            await(group + "'s consumers back, every channel with its partitions")
                    .atMost(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> consumersBack(admin.describeConsumerGroups(List.of(group)).all()
                            .get(10, TimeUnit.SECONDS).get(group)));
        }
        return Duration.between(since, Instant.now());
    }

    private static boolean consumersBack(ConsumerGroupDescription group) {
        List<MemberDescription> members = List.copyOf(group.members());
        return group.groupState() == GroupState.STABLE && !members.isEmpty()
                && members.stream().noneMatch(member -> member.assignment().topicPartitions().isEmpty())
                && members.stream().map(MemberDescription::clientId).distinct().count() == members.size();
    }

    /** The budget agreement, sent as a well-behaved client: after a drill's hundreds of writes the bucket may be empty. */
    static void adopt(String token, long catalog, List<Long> proposals) {
        RateLimited.send(() -> as(token).body(Map.of("adoptedProposalIds", proposals, "comment", "Budgetforlig (øvelse)"))
                .post(varde("/catalogs/" + catalog + "/adoption"))).then().statusCode(200);
    }

    /** What followup-service and target-service made of the adopted proposals of a catalog year. */
    record Effects(int initiatives, int distinctProposals, int receivedByTarget) {
    }

    static Effects effects(String token, int year) {
        JsonPath initiatives = as(token).queryParam("catalogYear", year).queryParam("size", 200)
                .get(varde("/initiatives")).then().statusCode(200).extract().jsonPath();
        List<Object> numbers = initiatives.getList("items.proposalNumber");
        JsonPath coverage = as(token).get(varde("/coverage/" + year)).then().statusCode(200).extract().jsonPath();
        List<Integer> received = coverage.getList("catalogs.received", Integer.class);
        return new Effects(initiatives.getInt("total"), Set.copyOf(numbers).size(),
                received.stream().mapToInt(Integer::intValue).sum());
    }

    /** Waits until both services show every adopted proposal (or the time is up) and returns what they show. */
    static Effects awaitEffects(String token, int year, int adopted, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> effects(token, year), e -> e.initiatives() >= adopted && e.receivedByTarget() >= adopted);
        } catch (org.awaitility.core.ConditionTimeoutException late) {
            // the numbers below tell what is missing
        }
        return effects(token, year);
    }

    /** Records on all dead-letter topics, by topic (end offsets summed over partitions). */
    static Map<String, Long> deadLetters(LocalStack stack) {
        List<String> topics = Events.ALL.stream().map(type -> type.deadLetterTopic()).distinct().toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(e -> e.getValue().offset())));
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the dead-letter topics: " + e.getMessage(), e);
        }
    }

    /** How many records were added to the dead-letter topics between two readings. */
    static long added(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }
}
