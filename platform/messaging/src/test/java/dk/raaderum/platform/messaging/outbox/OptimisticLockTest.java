package dk.raaderum.platform.messaging.outbox;

import static dk.raaderum.platform.messaging.testapp.Notes.create;
import static io.restassured.RestAssured.given;

import dk.raaderum.platform.testing.ProblemAssertions;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/**
 * A write that lost a race against another transaction answers 409, not 500; 412 when the caller named the version it
 * read in If-Match, as a stale If-Match does.
 */
@QuarkusTest
class OptimisticLockTest {

    @Test
    void concurrentModificationIs409() {
        long id = create("race-" + java.util.UUID.randomUUID());
        ProblemAssertions.assertProblem(given().post("/test/notes/" + id + "/race").then(), 409,
                "concurrent-modification");
    }

    @Test
    void aLostRaceWithIfMatchIs412() {
        long id = create("race-" + java.util.UUID.randomUUID());
        ProblemAssertions.assertProblem(given().header("If-Match", "\"0\"").post("/test/notes/" + id + "/race").then(),
                412, "precondition-failed");
        ProblemAssertions.assertProblem(given().header("If-Match", "*").post("/test/notes/" + id + "/race").then(), 409,
                "concurrent-modification");
    }

    /** A create that another one beat to the same unique key: 412 with If-Match, else the generic 409 conflict. */
    @Test
    void aLostCreateRaceWithIfMatchIs412() {
        long id = create("race-" + java.util.UUID.randomUUID());
        ProblemAssertions.assertProblem(given().header("If-Match", "\"0\"").post("/test/notes/" + id + "/duplicate")
                .then(), 412, "precondition-failed");
        ProblemAssertions.assertProblem(given().post("/test/notes/" + id + "/duplicate").then(), 409, "conflict");
    }
}
