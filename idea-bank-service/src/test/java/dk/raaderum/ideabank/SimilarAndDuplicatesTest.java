package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.efficiency;
import static dk.raaderum.ideabank.support.Ideas.published;
import static dk.raaderum.ideabank.support.Ideas.submitted;
import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** "Is this already in the bank?": look-alikes that say why, never the idea itself, never on common words alone. */
@QuarkusTest
class SimilarAndDuplicatesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonPath similarTo(long id) {
        return as(Tokens.finance("101")).get("/api/v1/ideas/" + id + "/similar").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath draft(Map<String, Object> body) {
        return as(Tokens.finance("101")).body(body).post("/api/v1/ideas/similar").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void aDraftFindsTheIdeaItDescribesAndSaysWhy() {
        long idea = published("360", efficiency("Madudbringning til hjemmeboende ældre i fælles udbud", "aeldre", 2022,
                700_000));
        JsonPath hits = draft(Map.of("title", "Fælles udbud af madudbringning", "areaCode", "aeldre"));
        assertEquals(idea, hits.getLong("[0].ideaId"));
        assertTrue(hits.getDouble("[0].score") >= 0.3, "score " + hits.getDouble("[0].score"));
        assertTrue(hits.getBoolean("[0].sameArea"));
        assertThat(hits.getList("[0].sharedTerms", String.class), hasItem("madudbringning"));
        assertThat(hits.getList("[0].reasons", String.class), hasItem("same policy area (Ældre og omsorg)"));
    }

    @Test
    void anIdeaNeverMatchesItselfOrItsFamily() {
        long a = published("376", efficiency("Elbiler i hjemmeplejens bilpark", "aeldre", 2022, 300_000));
        long b = published("390", efficiency("Elbiler til hjemmeplejen", "aeldre", 2023, 250_000));
        List<Long> alike = similarTo(a).getList("ideaId", Long.class);
        assertFalse(alike.contains(a), "not itself: " + alike);
        assertTrue(alike.contains(b), "its look-alike: " + alike);
        as(Tokens.curator()).body(Map.of("intoIdeaId", a, "reason", "Samme")).post("/api/v1/kl/ideas/" + b + "/merge")
                .then().statusCode(200);
        assertThat(similarTo(a).getList("ideaId", Long.class), not(hasItem(b)));
    }

    @Test
    void commonWordsAloneMakeNoMatch() {
        published("400", efficiency("Effektivisering af kommunens forslag", "tvaergaaende", 2022, 100_000));
        JsonPath hits = draft(Map.of("title", "Forslag om effektivisering i kommunen", "summary",
                "Et effektiviseringsforslag til kommunens budget", "areaCode", "tvaergaaende"));
        assertThat(hits.getList("$"), empty());
    }

    @Test
    void othersSubmissionsAreNotShownButKlSeesThem() {
        long hidden = submitted("410", efficiency("Skraldespande med fyldningssensorer", "natur-miljoe-teknik", 2022,
                150_000));
        Map<String, Object> body = Map.of("title", "Fyldningssensorer i skraldespande");
        assertThat(draft(body).getList("ideaId", Long.class), not(hasItem(hidden)));
        List<Long> forKl = as(Tokens.curator()).body(body).post("/api/v1/ideas/similar").then().statusCode(200)
                .extract().jsonPath().getList("ideaId", Long.class);
        assertThat(forKl, hasItem(hidden));
        assertProblem(as(Tokens.finance("101")).body(Map.of("summary", "uden titel")).post("/api/v1/ideas/similar").then(),
                400, "validation");
    }

    @Test
    void theScanFindsDuplicatesForCuratorsAndCurationClearsThem() {
        long older = published("420", efficiency("Genbrug af hjælpemidler via fælles depot", "aeldre", 2021, 400_000));
        long newer = submitted("430", efficiency("Fælles depot for genbrug af hjælpemidler", "aeldre", 2024, 350_000));
        long other = submitted("440", efficiency("Hjælpemidler genbruges fra et fælles depot", "aeldre", 2024, 300_000));

        long pair = awaitPair(newer, older);
        as(Tokens.curator()).body(Map.of("reason", "Forskellige målgrupper")).post("/api/v1/kl/ideas/duplicates/" + pair
                + "/dismiss").then().statusCode(200).body("resolution", equalTo("DISMISSED"));
        assertTrue(KafkaTopics.await("idea.duplicate-dismissed", r -> r.key().equals(String.valueOf(newer)), 1, WAIT)
                .size() == 1);
        assertProblem(as(Tokens.curator()).body(Map.of("reason", "igen")).post("/api/v1/kl/ideas/duplicates/" + pair
                + "/dismiss").then(), 409, "conflict");

        long second = awaitPair(other, older);
        as(Tokens.curator()).body(Map.of("intoIdeaId", older, "reason", "Samme idé")).post("/api/v1/kl/ideas/" + other
                + "/merge").then().statusCode(200);
        List<Long> open = openPairs();
        assertFalse(open.contains(pair), "the dismissed pair is not proposed again");
        assertFalse(open.contains(second), "the merge cleared its pair");
        assertProblem(as(Tokens.finance("420")).get("/api/v1/kl/ideas/duplicates").then(), 403, "forbidden");
    }

    private static List<Long> openPairs() {
        return as(Tokens.curator()).queryParam("size", 200).get("/api/v1/kl/ideas/duplicates").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    /** Waits for the scan to propose the pair; returns the candidate's id. */
    private static long awaitPair(long newer, long older) {
        return await().atMost(WAIT).until(() -> {
            JsonPath page = as(Tokens.curator()).queryParam("size", 200).get("/api/v1/kl/ideas/duplicates").then()
                    .extract().jsonPath();
            return page.getList("items.findAll { it.idea.id == " + newer + " && it.other.id == " + older + " }.id",
                    Long.class);
        }, ids -> !ids.isEmpty()).get(0);
    }
}
