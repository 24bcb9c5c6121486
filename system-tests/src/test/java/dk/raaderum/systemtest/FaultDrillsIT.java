package dk.raaderum.systemtest;

import static dk.raaderum.systemtest.Drills.added;
import static dk.raaderum.systemtest.Drills.adopt;
import static dk.raaderum.systemtest.Drills.as;
import static dk.raaderum.systemtest.Drills.awaitEffects;
import static dk.raaderum.systemtest.Drills.catalog;
import static dk.raaderum.systemtest.Drills.deadLetters;
import static dk.raaderum.systemtest.Drills.financeToken;
import static dk.raaderum.systemtest.Drills.presentedProposal;
import static dk.raaderum.systemtest.Drills.varde;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.devstack.App;
import dk.raaderum.devstack.LocalStack;
import dk.raaderum.systemtest.Drills.Effects;
import dk.raaderum.systemtest.Drills.Row;
import dk.raaderum.systemtest.Drills.Write;

import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The platform under faults, with a bounded client writing through the gateway as Varde's finance officer: the Kafka
 * broker stopped for a minute, PostgreSQL restarted while events flow, a service killed with SIGKILL mid-stream. Each
 * drill counts what was acknowledged, what reached target-service and followup-service, what was applied twice and
 * what went to a dead-letter topic, and adds a line to the summary table (target/drills.txt). Last, an instance of
 * the previous release restarts on the schema a next release migrated (a rolling update, a rollback).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final String PROPOSAL_GROUP = "proposal-service";
    /** From serving again to consuming again: a killed instance's members last one session (10 s) in the group. */
    private static final Duration CONSUMERS_BACK = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Order(1)
    void theKafkaBrokerStoppedForAMinute() throws Exception {
        LocalStack stack = SharedStack.stack();
        String token = financeToken();
        int year = 2071;
        long catalog = catalog(token, year);
        Map<String, Long> before = deadLetters(stack);
        List<Long> acknowledged = new ArrayList<>();
        long operations = 0;
        long serverErrors = 0;
        long failed = 0;
        List<String> notReady = new ArrayList<>();
        stack.stopKafka();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (int i = 1; System.nanoTime() < end; i++) {
                Write write = presentedProposal(token, catalog, year, "Kafka-øvelse " + i);
                operations += write.statuses().size();
                serverErrors += write.serverErrors();
                if (write.acknowledged()) {
                    acknowledged.add(write.proposalId());
                } else {
                    failed++;
                }
                notReady.addAll(notReady(stack));
                Thread.sleep(500);
            }
            adopt(token, catalog, acknowledged);
            operations++;
        } finally {
            stack.startKafka();
        }
        Effects effects = awaitEffects(token, year, acknowledged.size(), DELIVERY);
        long dead = added(before, deadLetters(stack));
        Drills.report(new Row("Kafka broker stopped 60 s", operations, acknowledged.size(),
                Math.min(effects.distinctProposals(), effects.receivedByTarget()),
                effects.initiatives() - effects.distinctProposals(), dead, serverErrors,
                "writes refused: " + failed + "; not-ready answers: " + notReady.size() + "; target received "
                        + effects.receivedByTarget()));
        int n = acknowledged.size();
        long refused = failed;
        long errors = serverErrors;
        assertAll(() -> assertTrue(n > 20, "writes during the outage: " + n),
                () -> assertEquals(0, refused, "every write answered 2xx"),
                () -> assertEquals(0, errors),
                () -> assertEquals(List.of(), notReady, "services stayed ready"),
                () -> assertEquals(n, effects.initiatives(), "initiatives in followup-service"),
                () -> assertEquals(n, effects.distinctProposals(), "one initiative per proposal"),
                () -> assertEquals(n, effects.receivedByTarget(), "adoptions seen by target-service"),
                () -> assertEquals(0, dead, "dead-lettered"));
    }

    @Test
    @Order(2)
    void postgresRestartedWhileEventsFlow() {
        LocalStack stack = SharedStack.stack();
        String token = financeToken();
        int year = 2072;
        long catalog = catalog(token, year);
        List<Long> presented = new ArrayList<>();
        long operations = 0;
        for (int i = 1; i <= 40; i++) {
            Write write = presentedProposal(token, catalog, year, "Databaseøvelse " + i);
            operations += write.statuses().size();
            assertTrue(write.acknowledged(), "before the restart every write succeeds: " + write.statuses());
            presented.add(write.proposalId());
        }
        Map<String, Long> before = deadLetters(stack);
        adopt(token, catalog, presented);
        operations++;
        // the adoption's 40 events are on their way to target-service and followup-service as the database goes
        stack.restartPostgres(Duration.ofSeconds(15));

        Effects effects = awaitEffects(token, year, presented.size(), DELIVERY);
        long dead = added(before, deadLetters(stack));
        // the catalog is adopted now: a new one shows that writes are accepted again
        await("services answer again without a restart").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> presentedProposal(token, catalog(token, year + 10), year + 10, "Efter genstarten").acknowledged());
        Drills.report(new Row("PostgreSQL restarted (15 s down)", operations + 4, presented.size(),
                Math.min(effects.distinctProposals(), effects.receivedByTarget()),
                effects.initiatives() - effects.distinctProposals(), dead, 0,
                "target received " + effects.receivedByTarget() + "; writes accepted again after the restart"));
        int n = presented.size();
        assertAll(() -> assertEquals(n, effects.initiatives(), "initiatives in followup-service"),
                () -> assertEquals(n, effects.distinctProposals(), "one initiative per proposal"),
                () -> assertEquals(n, effects.receivedByTarget(), "adoptions seen by target-service"),
                () -> assertEquals(0, dead, "dead-lettered"));
    }

    @Test
    @Order(3)
    void aServiceKilledMidStream() throws Exception {
        LocalStack stack = SharedStack.stack();
        String token = financeToken();
        int year = 2073;
        long catalog = catalog(token, year);
        Map<String, Long> before = deadLetters(stack);
        List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 1; writing.get(); i++) {
                writes.add(presentedProposal(token, catalog, year, "Nedbrudsøvelse " + i));
            }
        });
        Thread.sleep(8_000);
        stack.killApp(App.PROPOSAL);
        Thread.sleep(2_000);
        stack.startApp(App.PROPOSAL);
        Drills.awaitProposalsServed(token);
        Instant served = Instant.now();
        // the killed instance's consumers never left their group: the restarted one consumes once their session expired
        CompletableFuture<Duration> consumersBack = CompletableFuture.supplyAsync(() -> Drills.awaitConsumersBack(stack,
                PROPOSAL_GROUP, served, CONSUMERS_BACK), task -> new Thread(task, "consumers-back").start());
        Thread.sleep(5_000);
        writing.set(false);
        writer.get();
        Duration consuming = consumersBack.join();

        List<Long> acknowledged = writes.stream().filter(Write::acknowledged).map(Write::proposalId).toList();
        long operations = writes.stream().mapToLong(w -> w.statuses().size()).sum();
        long serverErrors = writes.stream().mapToLong(Write::serverErrors).sum();
        JsonPath listed = RateLimited.send(() -> as(token).queryParam("size", 500)
                .get(varde("/catalogs/" + catalog + "/proposals"))).then().statusCode(200).extract().jsonPath();
        List<Long> present = listed.getList("items.id", Long.class);
        assertEquals(listed.getInt("total"), present.size(), "every proposal of the drill on one page");
        List<String> halfMade = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            if (listed.getList("items[" + i + "].netChange").size() != 4
                    || listed.getString("items[" + i + "].number") == null) {
                halfMade.add("proposal " + present.get(i));
            }
        }
        List<Long> presentedNow = listed.getList("items.findAll { it.status == 'PRESENTED' }.id", Long.class);
        adopt(token, catalog, presentedNow);
        Effects effects = awaitEffects(token, year, presentedNow.size(), DELIVERY);
        long dead = added(before, deadLetters(stack));
        Drills.report(new Row("proposal-service SIGKILL + restart", operations, acknowledged.size(),
                Math.min(effects.distinctProposals(), effects.receivedByTarget()),
                effects.initiatives() - effects.distinctProposals(), dead, serverErrors,
                "in catalog " + present.size() + " (presented " + presentedNow.size() + "); 5xx only while it was down;"
                        + " consuming again " + consuming.toMillis() + " ms after it served again"));
        assertAll(() -> assertTrue(present.containsAll(acknowledged), "every acknowledged write is there"),
                () -> assertEquals(List.of(), halfMade, "nothing half-made"),
                () -> assertEquals(presentedNow.size(), effects.initiatives(), "initiatives in followup-service"),
                () -> assertEquals(presentedNow.size(), effects.distinctProposals(), "one initiative per proposal"),
                () -> assertEquals(presentedNow.size(), effects.receivedByTarget(), "adoptions seen by target-service"),
                () -> assertEquals(0, dead, "dead-lettered"));
    }

    @Test
    @Order(4)
    void twoInstancesRelayABacklogLongerThanTheirLease() throws Exception {
        LocalStack stack = SharedStack.stack();
        String token = financeToken();
        int year = 2074;
        long catalog = catalog(token, year);
        // a lease far shorter than the drain of the backlog, and small rounds: the lease must be renewed while draining
        Map<String, String> shortLease = Map.of("RAADERUM_MESSAGING_OUTBOX_LEASE", "1s",
                "RAADERUM_MESSAGING_OUTBOX_BATCH_SIZE", "1");
        Map<String, Long> before = deadLetters(stack);
        Instant started = Instant.now();
        List<Long> presented = new ArrayList<>();
        long operations = 0;
        long backlog;
        stack.restartApp(App.PROPOSAL, shortLease);
        stack.startInstance(App.PROPOSAL, "proposal-service-2", shortLease);
        Drills.awaitProposalsServed(token);
        try {
            stack.stopKafka();
            try {
                for (int i = 1; i <= 60; i++) {
                    Write write = presentedProposal(token, catalog, year, "To instanser " + i);
                    operations += write.statuses().size();
                    assertTrue(write.acknowledged(), "writes need no broker: " + write.statuses());
                    presented.add(write.proposalId());
                }
                adopt(token, catalog, presented);
                operations++;
                backlog = Outboxes.pending(stack, "proposal");
            } finally {
                stack.startKafka();
            }
            await("the backlog drained").atMost(DELIVERY).until(() -> Outboxes.pending(stack, "proposal") == 0);
        } finally {
            stack.stopInstance("proposal-service-2");
            stack.restartApp(App.PROPOSAL, Map.of());
            Drills.awaitProposalsServed(token);
        }
        // the broker restarted while both instances ran, and both stopped since: none of their members may linger
        Duration consuming = Drills.awaitConsumersBack(stack, PROPOSAL_GROUP, Instant.now(), CONSUMERS_BACK);
        Effects effects = awaitEffects(token, year, presented.size(), DELIVERY);
        Outboxes.Delivery delivery = Outboxes.delivery(stack, "proposal", started);
        long dead = added(before, deadLetters(stack));
        Drills.report(new Row("two proposal-service instances", operations, presented.size(),
                Math.min(effects.distinctProposals(), effects.receivedByTarget()),
                effects.initiatives() - effects.distinctProposals(), dead, 0,
                "backlog " + backlog + " events drained in " + delivery.drainMillis() + " ms, lease 1 s, rounds of 1 event; "
                        + delivery.events() + " events, sent twice " + delivery.duplicates() + " (deduplicated by the"
                        + " consumers), missing " + delivery.missing() + ", out of order " + delivery.outOfOrder()
                        + "; consuming again " + consuming.toMillis() + " ms after the restart"));
        int n = presented.size();
        assertAll(() -> assertTrue(backlog > 100, "a backlog: " + backlog),
                () -> assertTrue(delivery.drainMillis() > 1000, "drained in longer than the lease: " + delivery.drainMillis()),
                () -> assertEquals(0, delivery.missing(), "events never sent"),
                () -> assertEquals(0, delivery.outOfOrder(), "events of one aggregate out of order"),
                () -> assertEquals(n, effects.initiatives(), "initiatives in followup-service"),
                () -> assertEquals(n, effects.distinctProposals(), "one initiative per proposal"),
                () -> assertEquals(n, effects.receivedByTarget(), "adoptions seen by target-service"),
                () -> assertEquals(0, dead, "dead-lettered"));
    }

    /**
     * A rolling update's old pod, or a rollback: proposal-service of this release restarts after a next release
     * migrated its database (a versioned migration newer than any it has) and changed the platform's repeatable
     * script. It must start on that schema, run its own copy of the repeatable script again (which only adds, so it
     * is harmless), serve and take writes.
     */
    @Test
    @Order(5)
    void aPreviousReleaseRestartsOnTheNextReleasesSchema() throws Exception {
        LocalStack stack = SharedStack.stack();
        String token = financeToken();
        int year = 2075;
        long catalog = catalog(token, year);
        String database = App.PROPOSAL.database();
        int repeatableRunsBefore;
        try (Connection db = Databases.connect(stack, database)) {
            repeatableRunsBefore = NextRelease.migrated(db);
        }
        boolean served = false;
        try {
            stack.restartApp(App.PROPOSAL, Map.of());
            Drills.awaitProposalsServed(token);
            served = true;
            Write write = presentedProposal(token, catalog, year, "Efter den næste udgaves migrering");
            int repeatableRuns;
            try (Connection db = Databases.connect(stack, database)) {
                repeatableRuns = NextRelease.repeatableRuns(db);
            }
            Drills.report(new Row("previous release on next schema", write.statuses().size(),
                    write.acknowledged() ? 1 : 0, 0, 0, 0, write.serverErrors(), "restarted and served; its repeatable"
                            + " script ran " + (repeatableRuns - repeatableRunsBefore) + " time(s) again"));
            assertAll(() -> assertTrue(write.acknowledged(), "a write after the restart: " + write.statuses()),
                    () -> assertEquals(repeatableRunsBefore + 1, repeatableRuns, "the repeatable script ran again"));
        } finally {
            try (Connection db = Databases.connect(stack, database)) {
                NextRelease.forget(db);
            }
            if (!served) {
                stack.restartApp(App.PROPOSAL, Map.of());
            }
        }
    }

    /** What a next release leaves in a service's Flyway schema history, written by hand. */
    private static final class NextRelease {

        private static final String WRITER = "FaultDrillsIT";
        private static final String REPEATABLE = "raaderum platform messaging";

        /** A versioned migration after the last one applied, and the repeatable script changed; its runs now. */
        static int migrated(Connection db) throws SQLException {
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    select max(installed_rank) + 1, ?, ?, 'SQL', ?, 1, ?, 0, true from flyway_schema_history""")) {
                String next = Integer.toString(lastVersion(db) + 1);
                row(insert, next, "next release", "V" + next + "__next_release.sql");
                row(insert, null, REPEATABLE, "R__raaderum_platform_messaging.sql");
            }
            return repeatableRuns(db);
        }

        private static void row(PreparedStatement insert, String version, String description, String script)
                throws SQLException {
            insert.setString(1, version);
            insert.setString(2, description);
            insert.setString(3, script);
            insert.setString(4, WRITER);
            insert.executeUpdate();
        }

        static int repeatableRuns(Connection db) throws SQLException {
            return count(db, "select count(*) from flyway_schema_history where version is null and description = '"
                    + REPEATABLE + "'");
        }

        static void forget(Connection db) throws SQLException {
            try (PreparedStatement delete = db.prepareStatement(
                    "delete from flyway_schema_history where installed_by = ?")) {
                delete.setString(1, WRITER);
                delete.executeUpdate();
            }
        }

        private static int lastVersion(Connection db) throws SQLException {
            return count(db, "select max(version::int) from flyway_schema_history where version is not null");
        }

        private static int count(Connection db, String query) throws SQLException {
            try (ResultSet rs = db.createStatement().executeQuery(query)) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The applications whose readiness does not answer 200 within 5 s (each named with what it answered). */
    private static List<String> notReady(LocalStack stack) {
        List<String> down = new ArrayList<>();
        for (App app : App.ALL) {
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(app) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() != 200) {
                    down.add(app.name() + " " + ready.statusCode() + " " + ready.body());
                }
            } catch (java.io.IOException e) {
                down.add(app.name() + " " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                down.add(app.name() + " interrupted");
            }
        }
        return down;
    }
}
