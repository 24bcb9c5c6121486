package dk.raaderum.ideabank.service.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;

import org.junit.jupiter.api.Test;

import java.util.Set;

/** Titles spelt alike, looked up among the titles' words: pg_trgm's trigrams, its threshold, æ/ø/å as letters. */
class TitleSpellingTest {

    private static final TitleSpelling TITLES = new TitleSpelling(new long[] { 3, 7, 9, 12, 20 }, new String[] {
            "Ruteplanlægning i hjemmeplejen",
            "Velfærdsteknologi i ældreplejen",
            "Færgefart til Ærø med elfærger",
            "Fælles indkøb af hjælpemidler",
            "Hjemmeplejens ruter og Ruteplanlægning" });

    @Test
    void trigramsAreThoseOfPgTrgm() {
        // as show_trgm('word') gives them: two spaces before, one after; words are runs of letters and digits
        assertEquals(Set.of("  w", " wo", "wor", "ord", "rd "), TitleSpelling.trigrams("word"));
        assertEquals(Set.of("ærø", "færgefart", "til", "med", "2026"), TitleSpelling.words("Færgefart til ÆRØ med 2026!"));
    }

    @Test
    void aMisspellingFindsTheTitlesWithTheWordSpeltAlike() {
        Scored hits = TITLES.similar("hjemmeplejn");
        assertArrayEquals(new long[] { 3, 20 }, hits.ids());
        // 10 of the 12 trigrams of "hjemmeplejn" are in "hjemmeplejen"
        assertEquals(10f / 12, hits.scores()[0], 1e-6);
        assertTrue(hits.scores()[1] >= TitleSpelling.THRESHOLD);
    }

    @Test
    void everyWordOfTheQueryCounts() {
        // both words spelt alike (13 of 15 and 10 of 12 trigrams)
        Scored hits = TITLES.similar("ruteplanlæging hjemmeplejn");
        assertArrayEquals(new long[] { 3, 20 }, hits.ids());
        assertEquals(23f / 27, hits.scores()[0], 1e-6);
        // one word alike, one word (10 trigrams) found nowhere: 13 of 25 is under the threshold
        assertEquals(0, TITLES.similar("ruteplanlæging kvxqbwfjd").ids().length);
    }

    @Test
    void danishLettersAreNotFolded() {
        assertArrayEquals(new long[] { 9 }, TITLES.similar("ærø").ids());
        assertEquals(0, TITLES.similar("aeroe").ids().length);
        assertArrayEquals(new long[] { 9 }, TITLES.similar("elfærgerne").ids());
    }

    @Test
    void unrelatedWordsAndNoWordsFindNothing() {
        assertEquals(0, TITLES.similar("zxqwvbnm").ids().length);
        assertEquals(0, TITLES.similar(" -- ").ids().length);
        assertEquals(0, new TitleSpelling(new long[0], new String[0]).similar("pleje").ids().length);
    }
}
