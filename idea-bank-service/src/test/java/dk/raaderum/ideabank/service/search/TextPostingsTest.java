package dk.raaderum.ideabank.service.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The words of a vector's text are read as PostgreSQL writes them, quotes and backslashes doubled inside a word. */
class TextPostingsTest {

    @Test
    void wordsAreReadAsTheFullParserReadsThem() {
        for (String vector : List.of("", "'plej'", "'plej' 'hjem' 'hjemmeplej'", "'borger''s' 'a\\\\b' 'x'",
                "'ende''' '\\\\'", "'æbl' 'øst' 'åben'")) {
            List<String> words = new ArrayList<>();
            TextPostings.forEachWord(vector, words::add);
            assertEquals(List.of(HeadRanks.Vector.parse(vector).words()), words, vector);
        }
    }

    @Test
    void aWordWithAQuoteOrABackslashIsUnescaped() {
        List<String> words = new ArrayList<>();
        TextPostings.forEachWord("'borger''s' 'a\\\\b'", words::add);
        assertEquals(List.of("borger's", "a\\b"), words);
    }
}
