package dk.raaderum.ideabank;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.efficiency;
import static dk.raaderum.ideabank.support.Ideas.own;
import static dk.raaderum.ideabank.support.Ideas.published;
import static dk.raaderum.ideabank.support.Ideas.submitted;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.testing.ScrapedMetrics;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * The words' matches are kept under the version of the texts: a curation (a status change) reuses them, a changed
 * text searches again and finds the new words, never the old ones.
 */
@QuarkusTest
class SearchCacheTest {

    private static final String M = "746";
    private static double wordHits() {
        double hits = ScrapedMetrics.sum(given().get("/q/metrics").asString(), "cache_gets_total",
                "cache=\"idea-search-words\"", "result=\"hit\"");
        assertTrue(hits >= 0, "the word-hits cache is measured");
        return hits;
    }

    private static List<Integer> search(String words) {
        return as(Tokens.finance(M)).queryParam("q", words).get("/api/v1/ideas").then().statusCode(200).extract()
                .jsonPath().getList("items.id");
    }

    @Test
    void aCurationKeepsTheWordsMatchesAndAChangedTextDoesNot() {
        long found = published(M, efficiency("Solceller på kommunens svømmehaller", "bygninger", 2025, 300_000));
        long waiting = submitted(M, efficiency("Fælles vaskeri for plejecentrene", "aeldre", 2025, 200_000));
        assertTrue(search("svømmehaller").contains((int) found));
        double before = wordHits();

        as(Tokens.curator()).body(Map.of()).post("/api/v1/kl/ideas/" + waiting + "/publish").then().statusCode(200);
        assertTrue(search("svømmehaller").contains((int) found));
        assertTrue(wordHits() > before, "after a publication the words' matches were reused");

        long draft = submitted(M, efficiency("Genbrug af møbler i svømmehallerne", "bygninger", 2025, 100_000));
        assertTrue(as(Tokens.curator()).queryParam("q", "svømmehaller").queryParam("status", "SUBMITTED")
                .get("/api/v1/ideas").then().statusCode(200).extract().jsonPath().getList("items.id")
                .contains((int) draft), "a new idea is found at once");
        Map<String, Object> changed = efficiency("Genbrug af møbler i idrætshallerne", "bygninger", 2025, 100_000);
        changed.put("version", 0);
        as(Tokens.finance(M)).body(changed).put(own(M) + "/" + draft).then().statusCode(200);
        List<Object> after = as(Tokens.curator()).queryParam("q", "svømmehaller").queryParam("status", "SUBMITTED")
                .get("/api/v1/ideas").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertTrue(!after.contains((int) draft), "the old words no longer find the changed idea: " + after);
        assertEquals(List.of((int) draft), as(Tokens.curator()).queryParam("q", "idrætshallerne")
                .queryParam("status", "SUBMITTED").get("/api/v1/ideas").then().statusCode(200).extract().jsonPath()
                .getList("items.id"));
    }

    @Test
    void aMisspellingFindsATitleAddedAfterTheTitlesWereRead() {
        // the titles' words are read once per version of the texts: this misspelling reads them
        assertTrue(submittedFor("skøjtebanehalerne").isEmpty());
        long added = submitted(M, efficiency("Skøjtebanehallerne lukker i sommerferien", "kultur-fritid", 2025, 150_000));
        assertEquals(List.of((int) added), submittedFor("skøjtebanehalerne"), "a new title is spelt alike at once");
        Map<String, Object> renamed = efficiency("Isbanen lukker i sommerferien", "kultur-fritid", 2025, 150_000);
        renamed.put("version", 0);
        as(Tokens.finance(M)).body(renamed).put(own(M) + "/" + added).then().statusCode(200);
        assertTrue(submittedFor("skøjtebanehalerne").isEmpty(), "the old title's words are gone");
    }

    /** KL's search among the submissions. */
    private static List<Object> submittedFor(String words) {
        return as(Tokens.curator()).queryParam("q", words).queryParam("status", "SUBMITTED").get("/api/v1/ideas")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
