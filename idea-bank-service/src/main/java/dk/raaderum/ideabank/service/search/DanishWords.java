package dk.raaderum.ideabank.service.search;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists the service ships (UTF-8, one word per line, {@code #} comments): {@code danish-compound-parts.txt},
 * the words compound words are split into, and {@code common-words.txt}, words so common in budget proposals
 * ("forslag", "kommune", "effektivisering") that sharing them must not make two ideas look alike, and
 * {@code compound-accidents.tsv}, parts that occur by accident inside other words ("ældre" in "forældre").
 */
@ApplicationScoped
public class DanishWords {

    private final Set<String> compoundParts = read("danish-compound-parts.txt");
    private final Set<String> commonWords = read("common-words.txt");
    private final Map<String, List<String>> accidents = readAccidents();

    public Set<String> compoundParts() {
        return compoundParts;
    }

    public Set<String> commonWords() {
        return commonWords;
    }

    /** Per part, the words (fragments) in which it is found only by accident. */
    public Map<String, List<String>> accidents() {
        return accidents;
    }

    private static Map<String, List<String>> readAccidents() {
        Map<String, List<String>> byPart = new HashMap<>();
        for (String line : read("compound-accidents.tsv")) {
            String[] fields = line.split("\t");
            byPart.computeIfAbsent(fields[1], part -> new ArrayList<>()).add(fields[0]);
        }
        return Map.copyOf(byPart);
    }

    private static Set<String> read(String name) {
        Set<String> words = new LinkedHashSet<>();
        try (InputStream in = DanishWords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from idea-bank-service");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
