package dk.raaderum.ideabank.service.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** A vector's text is read word by word as PostgreSQL writes it, with or without positions. */
class VectorTextTest {

    @Test
    void wordsAndTheirPositionsAreRead() {
        assertEquals(List.of("plej:1A,5", "hjem:3B", "æbl:7"), read("'plej':1A,5 'hjem':3B 'æbl':7"));
        assertEquals(List.of("plej:null", "hjem:null"), read("'plej' 'hjem'"));
        assertEquals(List.of(), read(""));
    }

    @Test
    void quotesBackslashesAndSpacesInsideAWordAreKept() {
        assertEquals(List.of("borger's:2", "a\\b:null", "ende':null", "to ord:4C"),
                read("'borger''s':2 'a\\\\b' 'ende''' 'to ord':4C"));
    }

    @Test
    void aVectorsWeightsAndPositionsFollowItsText() {
        HeadRanks.Vector vector = HeadRanks.Vector.parse("'plej':1A,5 'hjem':3B 'ord'");
        assertArrayEquals(new String[] { "plej", "hjem", "ord" }, vector.words());
        assertArrayEquals(new int[] { 3, 0 }, vector.weights()[0]);
        assertArrayEquals(new int[] { 2 }, vector.weights()[1]);
        assertEquals(4, vector.positions());
    }

    private static List<String> read(String vector) {
        List<String> words = new ArrayList<>();
        VectorText.forEach(vector, (word, positions) -> words.add(word + ":" + positions));
        return words;
    }
}
