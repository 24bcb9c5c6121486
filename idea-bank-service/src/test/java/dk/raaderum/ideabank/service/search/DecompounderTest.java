package dk.raaderum.ideabank.service.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Danish compounds split with the shipped word list: every example of compound-examples.tsv (made with the word list)
 * yields the parts a user would search by, and plain words yield none.
 */
class DecompounderTest {

    private static final Decompounder DECOMPOUNDER = new Decompounder(new DanishWords());

    private static Set<String> parts(String word) {
        String parts = DECOMPOUNDER.parts(word);
        return parts.isEmpty() ? Set.of() : Set.of(parts.split(" "));
    }

    @Test
    void everyExampleYieldsItsParts() throws IOException {
        List<String> missing = new ArrayList<>();
        int examples = 0;
        try (InputStream in = getClass().getResourceAsStream("/compound-examples.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                examples++;
                Set<String> found = parts(fields[0]);
                for (String expected : fields.length > 1 && !fields[1].isBlank() ? fields[1].split(" ") : new String[0]) {
                    if (!found.contains(expected)) {
                        missing.add(fields[0] + " → " + expected + " (found " + found + ")");
                    }
                }
                if (fields.length < 2 || fields[1].isBlank()) {
                    if (!found.isEmpty()) {
                        missing.add(fields[0] + " is a plain word but yields " + found);
                    }
                }
            }
        }
        assertTrue(examples > 50, "examples: " + examples);
        assertEquals(List.of(), missing);
    }

    @Test
    void theWordsOfAnIdeaAreSplitAndKnownAccidentsLeftOut() {
        assertTrue(parts("hjemmeplejen").containsAll(Set.of("hjem", "hjemme", "pleje")));
        assertTrue(parts("ældreplejen").containsAll(Set.of("ældre", "pleje")));
        assertTrue(parts("plejehjemmet").containsAll(Set.of("pleje", "hjem")));
        assertTrue(!parts("forældrebetalingen").contains("ældre"), "forældre is no ældre: " + parts("forældrebetalingen"));
        assertEquals(Set.of(), parts("pleje"), "a word is not a part of itself");
        assertEquals("", DECOMPOUNDER.parts((String) null));
        Set<String> sentence = Set.of(DECOMPOUNDER.parts("Ruteplanlægning i hjemmeplejen", "Børnehaver").split(" "));
        assertTrue(sentence.containsAll(Arrays.asList("pleje", "børne")), sentence.toString());
    }
}
