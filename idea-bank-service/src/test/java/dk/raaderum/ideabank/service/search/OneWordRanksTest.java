package dk.raaderum.ideabank.service.search;

import static dk.raaderum.ideabank.support.Ideas.as;
import static dk.raaderum.ideabank.support.Ideas.importJson;
import static dk.raaderum.ideabank.support.Ideas.row;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.repository.IdeaSearchRepository;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Texts;
import dk.raaderum.ideabank.support.Tokens;
import dk.raaderum.platform.testing.ScrapedMetrics;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-word ranks from memory are PostgreSQL's own: for every idea in the bank and words that occur once, many times,
 * with every weight, in compounds and with an apostrophe, alone and with exclusions, the rank HeadRanks computes
 * equals {@code ts_rank(head_vector, q, 1)} exactly; a search answers the same before and after the ranks are built, and
 * then ranks from memory.
 */
@QuarkusTest
class OneWordRanksTest {

    private static final String VEJLE = "630";

    @Inject
    IdeaSearchRepository repository;

    @Inject
    IdeaSearch search;

    private static boolean imported;

    private static void ideas() {
        if (imported) {
            return;
        }
        imported = true;
        Map<String, Object> many = row(VEJLE, 2024, "R-01", "EFFICIENCY", "aeldre",
                "Pleje, pleje og atter pleje: plejens plejehjem", "Plejen beskrives i beskrivelsen.", -100_000L);
        many.put("summary", "Hjemmepleje og sygepleje, ældrepleje og plejeboliger; pleje igen.");
        Map<String, Object> apostrophe = row(VEJLE, 2024, "R-02", "SAVING", "kultur-fritid",
                "Bibliotekets 'åbne' bibliotek om søndagen", "Kun i beskrivelsen: pleje af bøgerne.", -50_000L);
        apostrophe.put("summary", "Borgere's adgang med sundhedskort.");
        Map<String, Object> summaryOnly = row(VEJLE, 2024, "R-03", "EFFICIENCY", "aeldre",
                "Færre kørsler mellem borgerne", "Ruterne planlægges bedre.", -80_000L);
        summaryOnly.put("summary", "Hjemmeplejen kører kortere ruter, så plejen får mere tid.");
        importJson(List.of(many, apostrophe, summaryOnly)).statusCode(200);
    }

    @Test
    void theHitsAndRanksInMemoryArePostgresqls() {
        ideas();
        Texts vectors = repository.snapshot(repository::headVectors);
        HeadRanks ranks = new HeadRanks(vectors.ids(), vectors.texts());
        TextPostings postings = repository.snapshot(reads -> TextPostings.read(repository, reads));
        int compared = 0;
        for (String word : List.of("pleje", "plejehjem", "hjem", "borgere", "bibliotek", "åbne", "sundhedskort",
                "kørsler", "ruter", "beskrivelsen", "pleje -bibliotek", "pleje -kørsler -skolebusser", "borgere -bibliotek")) {
            Map<Long, Float> database = new TreeMap<>();
            Map<Long, Float> memory = new TreeMap<>();
            repository.snapshot(reads -> {
                put(database, repository.textHits(reads, word));
                IdeaSearchRepository.TextQuery text = repository.textQuery(reads, word);
                assertTrue(text.singleWord() != null, word + " is one word");
                put(memory, ranks.rank(text.singleWord(), text.exclusions(),
                        postings.ideas(text.singleWord(), text.excluded())));
                return null;
            });
            assertTrue(!database.isEmpty(), word + " matches some idea");
            assertEquals(database, memory, word);
            compared += database.size();
        }
        assertTrue(compared > 10, "ranks compared: " + compared);
    }

    @Test
    void aSearchAnswersTheSameFromMemory() {
        ideas();
        List<Object> before = hits("pleje");
        List<Object> excluding = hits("pleje -bibliotek");
        // a new text (another municipality, without the word) makes the kept hits and ranks of the old texts unusable
        importJson(List.of(row("621", 2024, "R-04", "EFFICIENCY", "skole", "Færre skolebusser om eftermiddagen",
                "Ruterne samles.", -60_000L))).statusCode(200);
        search.buildOneWordRanks();
        double fromMemory = fromMemory();
        assertEquals(before, hits("pleje"));
        assertEquals(excluding, hits("pleje -bibliotek"));
        assertTrue(fromMemory() > fromMemory, "the search was ranked from memory");
        assertEquals(0, hits("zzyzxq").get(2), "a word no idea has finds nothing from memory either");
    }

    private static List<Object> hits(String word) {
        var json = as(Tokens.curator()).queryParam("q", word).queryParam("municipality", VEJLE).queryParam("size", 100)
                .get("/api/v1/ideas").then().statusCode(200).extract().jsonPath();
        return List.of(json.getList("items.id"), json.getList("items.score"), json.getInt("total"));
    }

    private static double fromMemory() {
        double counted = ScrapedMetrics.sum(given().get("/q/metrics").asString(),
                "raaderum_idea_search_one_word_from_memory_total");
        assertTrue(counted >= 0, "one-word searches ranked from memory are counted");
        return counted;
    }

    private static void put(Map<Long, Float> into, Scored scored) {
        for (int i = 0; i < scored.ids().length; i++) {
            into.put(scored.ids()[i], scored.scores()[i]);
        }
    }
}
