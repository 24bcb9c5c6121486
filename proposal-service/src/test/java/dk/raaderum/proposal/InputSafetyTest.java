package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.postProposal;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a careless or concurrent client sends is refused cleanly or served in full: never altered, never a 500, never
 * a 409 it did not cause.
 */
@QuarkusTest
class InputSafetyTest {

    private static final String M = "740";
    private static final AtomicInteger YEAR = new AtomicInteger(2061);

    @Test
    void fiftyParallelCreatesInOneAreaAllSucceedWithDistinctNumbers() throws Exception {
        long catalog = createCatalog(M, YEAR.incrementAndGet());
        String token = Users.financeOfficer(M);
        int year = YEAR.get();
        List<Callable<Response>> creates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> body = proposal("ÆLD", "EFFICIENCY", "Samtidigt forslag " + i, year, -100_000, -100_000,
                    -100_000, -100_000);
            creates.add(() -> as(token).body(body).post(base(M) + "/catalogs/" + catalog + "/proposals"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            Set<String> numbers = new HashSet<>();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(creates)) {
                statuses.add(answer.get().statusCode());
                numbers.add(answer.get().jsonPath().getString("number"));
            }
            assertEquals(50, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
            assertEquals(50, numbers.size(), "numbers: " + numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFractionOfAKroneIsRefusedNotCut() {
        long catalog = createCatalog(M, YEAR.incrementAndGet());
        Map<String, Object> body = proposal("ÆLD", "SAVING", "Brøkdel", YEAR.get(), -1, -1, -1, -1);
        body.put("operatingChange", List.of(Map.of("year", YEAR.get(), "amount", -1.5)));
        assertProblem(postProposal(Users.financeOfficer(M), M, catalog, body), 400, "validation");
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/proposals").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void amountsBeyondTheBoundOrALongAreRefused() {
        long catalog = createCatalog(M, YEAR.incrementAndGet());
        int year = YEAR.get();
        Map<String, Object> huge = proposal("ÆLD", "SAVING", "Kæmpe", year, Long.MIN_VALUE + 1, Long.MIN_VALUE + 1, -1, -1);
        assertProblem(postProposal(Users.financeOfficer(M), M, catalog, huge), 400, "validation")
                .body("errors.message", hasItem(equalTo(dk.raaderum.platform.web.validation.Kroner.MESSAGE)));
        Map<String, Object> beyondLong = proposal("ÆLD", "SAVING", "Større end long", year, -1, -1, -1, -1);
        beyondLong.put("operatingChange", List.of(Map.of("year", year, "amount",
                new java.math.BigInteger("-99999999999999999999999"))));
        assertProblem(postProposal(Users.financeOfficer(M), M, catalog, beyondLong), 400, "validation");
        createProposal(M, catalog, proposal("ÆLD", "SAVING", "Ved grænsen", year, -1_000_000_000_000L,
                -1_000_000_000_000L, -1_000_000_000_000L, -1_000_000_000_000L));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/proposals").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aLoneSurrogateOrNulInATitleIsRefusedNotReplaced() {
        long catalog = createCatalog(M, YEAR.incrementAndGet());
        for (String title : List.of("Halv \uD800 emoji", "Slut på \uDC00", "Nul \u0000 tegn")) {
            Map<String, Object> body = proposal("ÆLD", "SAVING", title, YEAR.get(), -1, -1, -1, -1);
            assertProblem(postProposal(Users.financeOfficer(M), M, catalog, body), 400, "validation")
                    .body("errors.field", hasItem(equalTo("title")));
        }
        Map<String, Object> emoji = proposal("ÆLD", "SAVING", "Hel emoji \uD83D\uDE00 æøå", YEAR.get(), -1, -1, -1, -1);
        postProposal(Users.financeOfficer(M), M, catalog, emoji).statusCode(201)
                .body("title", equalTo("Hel emoji \uD83D\uDE00 æøå"));
    }

    @Test
    void anUpdateWithoutIfMatchOrVersionIsPreconditionRequired() {
        long catalog = createCatalog(M, YEAR.incrementAndGet());
        Map<String, Object> body = proposal("ÆLD", "SAVING", "Original", YEAR.get(), -1, -1, -1, -1);
        long id = createProposal(M, catalog, body);
        String path = base(M) + "/proposals/" + id;
        body.put("title", "Blind overskrivning");
        assertProblem(as(Users.financeOfficer(M)).body(body).put(path).then(), 428, "precondition-required");
        assertProblem(as(Users.financeOfficer(M)).header("If-Match", "*").body(body).put(path).then(), 428,
                "precondition-required");
        as(Users.financeOfficer(M)).get(path).then().statusCode(200).body("title", equalTo("Original"));
        as(Users.financeOfficer(M)).header("If-Match", "\"0\"").body(body).put(path).then().statusCode(200)
                .body("title", equalTo("Blind overskrivning"));
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("title", "Nyt navn")).put(base(M) + "/catalogs/" + catalog)
                .then(), 428, "precondition-required");
    }
}
