package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.WAIT;
import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.awaitSlotStatus;
import static dk.raaderum.followup.support.Api.base;
import static dk.raaderum.followup.support.Api.createEfficiency;
import static dk.raaderum.followup.support.Api.initiative;
import static dk.raaderum.followup.support.Api.report;
import static dk.raaderum.followup.support.Api.reportBody;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.followup.service.OverdueService;
import dk.raaderum.followup.support.TestClock;
import dk.raaderum.followup.support.Tokens;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The overdue job: slots past their due date turn OVERDUE (clock moved, not waited for), with an event and lists. */
@QuarkusTest
class OverdueTest {

    private static final String M = "147";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    OverdueService overdue;

    @Inject
    EntityManager entityManager;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void resetClock() {
        clock.reset();
        threads.shutdownNow();
    }

    @Test
    void slotsPastTheirDueDateTurnOverdueWithOneEventEachAndAppearInTheLists() throws Exception {
        long anne = createEfficiency(M, "Fælles sekretariat", "ADM", 2027, "frb-anne", 200_000, 200_000);
        long anne2 = createEfficiency(M, "Færre licenser", "ADM", 2027, "frb-anne", 50_000, 50_000);
        long bo = createEfficiency(M, "Nyt bookingsystem", "KUL", 2027, "frb-bo", 70_000, 70_000);
        long nobody = createEfficiency(M, "Uden ejer", "KUL", 2027, null, 10_000, 10_000);
        long reported = createEfficiency(M, "Rapporteret i tide", "KUL", 2027, "frb-bo", 90_000, 90_000);
        report(M, reported, 2027, 90_000, "DOCUMENTED");

        // The due date itself is still in time.
        clock.setDay(LocalDate.of(2028, 4, 1));
        List<ConsumerRecord<String, String>> early = KafkaTopics.collect(Events.REPORT_OVERDUE.topic(),
                r -> Long.toString(anne).equals(r.key()), Duration.ofSeconds(3));
        assertTrue(early.isEmpty(), "not overdue on its due date");
        as(Tokens.finance(M)).get(initiative(M, anne)).then().body("slots[0].status", equalTo("PENDING"));

        clock.setDay(LocalDate.of(2028, 4, 11));
        for (long id : List.of(anne, anne2, bo, nobody)) {
            awaitSlotStatus(M, id, "2027", "OVERDUE");
        }
        as(Tokens.finance(M)).get(initiative(M, reported)).then().body("slots[0].status", equalTo("REPORTED"))
                .body("slots[1].status", equalTo("PENDING"));

        ConsumerRecord<String, String> record = KafkaTopics.await(Events.REPORT_OVERDUE.topic(),
                r -> Long.toString(anne).equals(r.key()), 1, WAIT).get(0);
        JsonNode event = JSON.readTree(record.value());
        assertEquals(Events.REPORT_OVERDUE.type(), event.get("type").asText());
        assertEquals(M, event.get("municipality").asText());
        JsonNode data = event.get("data");
        assertEquals(anne, data.get("initiativeId").asLong());
        assertEquals("Fælles sekretariat", data.get("title").asText());
        assertEquals("ADM", data.get("areaCode").asText());
        assertEquals(2027, data.get("year").asInt());
        assertEquals("2027", data.get("period").asText());
        assertEquals("2028-04-01", data.get("dueDate").asText());
        assertEquals("frb-anne", data.get("ownerId").asText());
        // the job runs every second: still exactly one event per slot
        assertEquals(1, KafkaTopics.collect(Events.REPORT_OVERDUE.topic(), r -> Long.toString(anne).equals(r.key()),
                Duration.ofSeconds(3)).size());

        as(Tokens.politician(M)).get(base(M) + "/followup/overdue").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.initiativeId", contains((int) anne, (int) anne2, (int) bo, (int) nobody))
                .body("items[0].daysOverdue", equalTo(10))
                .body("items[0].expected", equalTo(200_000))
                .body("items[0].owner.username", equalTo("frb-anne"))
                .body("items[0].overdueSince", notNullValue());
        as(Tokens.owner("frb-bo", M)).queryParam("owner", "frb-bo").get(base(M) + "/followup/overdue").then()
                .statusCode(200).body("items.initiativeId", contains((int) bo));
        as(Tokens.finance(M)).queryParam("areaCode", "ADM").queryParam("size", 1).get(base(M) + "/followup/overdue").then()
                .statusCode(200).body("total", equalTo(2)).body("items.initiativeId", contains((int) anne));
        as(Tokens.machine(M)).get(base(M) + "/followup/overdue/owners").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.ownerUsername", contains("frb-anne", null, "frb-bo"))
                .body("items[0].overdueReports", equalTo(2))
                .body("items[0].initiatives", equalTo(2))
                .body("items[0].expectedAwaitingReport", equalTo(250_000))
                .body("items[0].oldestDueDate", equalTo("2028-04-01"));

        // A late report: the slot is reported, the overdue mark stays on record, the list shrinks.
        report(M, anne, 2027, 150_000, "PROBABLE");
        as(Tokens.finance(M)).get(initiative(M, anne)).then()
                .body("slots[0].status", equalTo("REPORTED"))
                .body("slots[0].overdueSince", notNullValue());
        as(Tokens.finance(M)).get(base(M) + "/followup/overdue").then().body("total", equalTo(3));
        as(Tokens.finance(M)).get(initiative(M, anne) + "/history").then()
                .body("items.action", contains("REPORTED", "REPORT_OVERDUE", "REGISTERED"))
                .body("items[1].actor", equalTo("followup-service"));
    }

    @Test
    void overdueListsAreTheMunicipalitysOwn() {
        assertProblem(as(Tokens.finance("260")).get(base(M) + "/followup/overdue").then(), 403, "wrong-municipality");
        as(Tokens.klCurator()).get(base(M) + "/followup/overdue/owners").then().statusCode(403);
        assertProblem(as(Tokens.finance(M)).queryParam("size", 500).get(base(M) + "/followup/overdue").then(), 400,
                "validation");
        assertProblem(as(Tokens.finance(M)).get(base("999") + "/followup/overdue").then(), 404, "unknown-municipality");
    }

    @Test
    void anInitiativeWithoutOwnerHasNoOwnerInTheEvent() throws Exception {
        String dragoer = "155";
        long id = createEfficiency(dragoer, "Ejerløs", "KUL", 2026, null, 10_000, 10_000);
        clock.setDay(LocalDate.of(2027, 4, 2));
        awaitSlotStatus(dragoer, id, "2026", "OVERDUE");
        JsonNode data = JSON.readTree(KafkaTopics.await(Events.REPORT_OVERDUE.topic(),
                r -> Long.toString(id).equals(r.key()), 1, WAIT).get(0).value()).get("data");
        assertTrue(data.path("ownerId").isNull() || data.path("ownerId").isMissingNode());
        as(Tokens.finance(dragoer)).get(initiative(dragoer, id)).then().body("slots[1].status", equalTo("PENDING"))
                .body("slots[1].overdueSince", nullValue());
    }

    @Test
    void theJobLeavesAnInitiativeThatAChangeHoldsAndMarksItOnItsNextRun() throws Exception {
        String herning = "657";
        long id = createEfficiency(herning, "Digital post til alle", "ADM", 2027, null, 40_000, 40_000);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> change = hold(id, false, locked, release);
        assertTrue(locked.await(10, TimeUnit.SECONDS));

        clock.setDay(LocalDate.of(2028, 4, 11));
        // without SKIP LOCKED on the initiative the batch would wait for the change, which waits for this test
        threads.submit(overdue::markOverdueBatch).get(10, TimeUnit.SECONDS);
        as(Tokens.finance(herning)).get(initiative(herning, id)).then().body("slots[0].status", equalTo("PENDING"));

        release.countDown();
        change.get(10, TimeUnit.SECONDS);
        awaitSlotStatus(herning, id, "2027", "OVERDUE");
    }

    @Test
    void aReportWaitsForAConcurrentChangeOfItsInitiativeInsteadOfFailingOnItsVersion() throws Exception {
        String herning = "657";
        long id = createEfficiency(herning, "Færre kopimaskiner", "ADM", 2027, null, 30_000, 30_000);
        int version = as(Tokens.finance(herning)).get(initiative(herning, id)).then().extract().path("version");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> change = hold(id, true, locked, release);
        assertTrue(locked.await(10, TimeUnit.SECONDS));

        Future<Integer> report = threads.submit(() -> as(Tokens.finance(herning))
                .body(reportBody(2027, 30_000, "DOCUMENTED"))
                .post(initiative(herning, id) + "/reports").then().extract().statusCode());
        await().atMost(WAIT).until(() -> waitingForLocks() > 0);
        release.countDown();
        change.get(10, TimeUnit.SECONDS);

        assertEquals(201, report.get(30, TimeUnit.SECONDS));
        as(Tokens.finance(herning)).get(initiative(herning, id)).then()
                .body("version", equalTo(version + 2))
                .body("slots[0].status", equalTo("REPORTED"));
    }

    /** Another transaction locks the initiative's row (and, like the overdue job, moves its version on) until released. */
    private Future<?> hold(long id, boolean change, CountDownLatch locked, CountDownLatch release) {
        return threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select id from initiative where id = ?1 for update").setParameter(1, id)
                    .getResultList();
            if (change) {
                entityManager.createNativeQuery("update initiative set version = version + 1 where id = ?1")
                        .setParameter(1, id).executeUpdate();
            }
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    private long waitingForLocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from pg_locks where not granted").getSingleResult()).longValue());
    }
}
