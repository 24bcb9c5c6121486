package dk.raaderum.ideabank.service.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits Danish compound words into the words they are made of, so that "pleje", "ældre" and "hjem" find
 * "hjemmeplejen", "ældrepleje" and "plejehjem", which PostgreSQL's danish stemmer keeps whole. Lucene's dictionary
 * decompounder looks for the words of the service's Danish word list ({@link DanishWords#compoundParts()}) inside
 * every word of at least {@value #MIN_WORD} letters, except where a part is known to occur by accident
 * ({@link DanishWords#accidents()}); what it finds goes into the idea's search vector with the lowest weight (D), so
 * an idea that uses the word itself ranks higher. The parts of each distinct word are remembered (municipal texts
 * use a limited vocabulary), so a bulk import splits every word once.
 */
@ApplicationScoped
public class Decompounder {

    /** Shorter words are not split. */
    static final int MIN_WORD = 6;
    static final int MIN_PART = 3;
    static final int MAX_PART = 20;
    private static final int REMEMBERED_WORDS = 200_000;

    private final Analyzer words;
    private final Analyzer compounds;
    private final Map<String, List<String>> accidents;
    private final Cache<String, List<String>> partsOfWord = Caffeine.newBuilder().maximumSize(REMEMBERED_WORDS).build();

    public Decompounder(DanishWords words) {
        this.accidents = words.accidents();
        CharArraySet dictionary = new CharArraySet(words.compoundParts(), false);
        this.words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        this.compounds = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new DictionaryCompoundWordTokenFilter(new LowerCaseFilter(source),
                        dictionary, MIN_WORD, MIN_PART, MAX_PART, false));
            }
        };
    }

    /** The parts found inside the compound words of the texts (nulls skipped), space-separated, each once. */
    public String parts(String... texts) {
        Set<String> parts = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                for (String word : tokens(words, text)) {
                    if (word.length() >= MIN_WORD) {
                        parts.addAll(partsOfWord.get(word, this::split));
                    }
                }
            }
        }
        return String.join(" ", parts);
    }

    /** The parts of one lower-case word, without the word itself and without known accidents. */
    private List<String> split(String word) {
        List<String> parts = new ArrayList<>();
        for (String token : tokens(compounds, word)) {
            if (!token.equals(word) && !accidental(token, word) && !parts.contains(token)) {
                parts.add(token);
            }
        }
        return List.copyOf(parts);
    }

    /** "ældre" is not a part of "forældrene": the word list names such accidents. */
    private boolean accidental(String part, String word) {
        List<String> hosts = accidents.get(part);
        return hosts != null && hosts.stream().anyMatch(word::contains);
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
