package dk.raaderum.ideabank.service.search;

import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Titles spelt alike, in memory: the words of every idea's title as of one version of the texts, with an index from
 * trigram to word, so a misspelling ("hjemmeplejn") is looked up among the distinct title words (tens of thousands)
 * instead of being compared with every title that shares a trigram (thousands of rows read from PostgreSQL).
 *
 * <p>Trigrams are pg_trgm's: each word lower-cased and padded with two spaces before and one after (æ, ø and å are
 * letters, not folded). A query word matches a title word by the share of the query word's trigrams the title word
 * has (pg_trgm's {@code word_similarity} without its extent); a title matches when its best words for the query's
 * words cover at least {@value #THRESHOLD} of the query's trigrams (pg_trgm's default
 * {@code word_similarity_threshold}), and that share is its score.
 */
final class TitleSpelling {

    /** The share of the query's trigrams a title must have (pg_trgm.word_similarity_threshold's default). */
    static final float THRESHOLD = 0.6f;
    /** A title word sharing less of a query word's trigrams than this does not count for it. */
    private static final float WORD_FLOOR = 0.3f;

    private final long[] ids;
    /** Per distinct title word: the positions (in {@link #ids}) of the ideas whose title has it, ascending. */
    private final int[][] titlesOf;
    /** Per trigram: the distinct title words that have it. */
    private final Map<String, int[]> wordsOf;
    private final int[] trigramCount;

    /** @param titles every idea's title by id, in ascending id order */
    TitleSpelling(long[] ids, String[] titles) {
        this.ids = ids;
        Map<String, Integer> words = new HashMap<>();
        List<IntList> titlesByWord = new ArrayList<>();
        for (int p = 0; p < titles.length; p++) {
            for (String word : words(titles[p])) {
                int w = words.computeIfAbsent(word, k -> words.size());
                if (w == titlesByWord.size()) {
                    titlesByWord.add(new IntList());
                }
                titlesByWord.get(w).add(p);
            }
        }
        titlesOf = new int[words.size()][];
        trigramCount = new int[words.size()];
        Map<String, IntList> byTrigram = new HashMap<>();
        for (Map.Entry<String, Integer> word : words.entrySet()) {
            int w = word.getValue();
            titlesOf[w] = titlesByWord.get(w).toArray();
            Set<String> trigrams = trigrams(word.getKey());
            trigramCount[w] = trigrams.size();
            trigrams.forEach(t -> byTrigram.computeIfAbsent(t, k -> new IntList()).add(w));
        }
        wordsOf = new HashMap<>();
        byTrigram.forEach((trigram, list) -> wordsOf.put(trigram, list.toArray()));
    }

    /** The ideas whose titles are spelt like the words, each with its share of the words' trigrams. */
    Scored similar(String text) {
        List<Set<String>> query = words(text).stream().map(TitleSpelling::trigrams).toList();
        int total = query.stream().mapToInt(Set::size).sum();
        if (total == 0) {
            return new Scored(new long[0], new float[0]);
        }
        int[] found = new int[ids.length];
        for (Set<String> word : query) {
            addBest(word, found);
        }
        return scored(found, total);
    }

    /** Adds, per title, the most of the word's trigrams that one of the title's words has. */
    private void addBest(Set<String> trigrams, int[] found) {
        int[] shared = new int[titlesOf.length];
        for (String trigram : trigrams) {
            for (int w : wordsOf.getOrDefault(trigram, new int[0])) {
                shared[w]++;
            }
        }
        int[] best = new int[ids.length];
        int floor = (int) Math.ceil(WORD_FLOOR * trigrams.size());
        for (int w = 0; w < shared.length; w++) {
            if (shared[w] > 0 && shared[w] >= floor) {
                for (int p : titlesOf[w]) {
                    best[p] = Math.max(best[p], shared[w]);
                }
            }
        }
        for (int p = 0; p < found.length; p++) {
            found[p] += best[p];
        }
    }

    private Scored scored(int[] found, int total) {
        long[] hits = new long[16];
        float[] scores = new float[16];
        int n = 0;
        for (int p = 0; p < found.length; p++) {
            float score = (float) found[p] / total;
            if (score >= THRESHOLD) {
                if (n == hits.length) {
                    hits = Arrays.copyOf(hits, n * 2);
                    scores = Arrays.copyOf(scores, n * 2);
                }
                hits[n] = ids[p];
                scores[n++] = score;
            }
        }
        return new Scored(Arrays.copyOf(hits, n), Arrays.copyOf(scores, n));
    }

    /** The distinct words of a text: runs of letters and digits, lower-cased. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    /** pg_trgm's trigrams of one word: padded with two spaces before and one after. */
    static Set<String> trigrams(String word) {
        String padded = "  " + word + " ";
        Set<String> trigrams = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            trigrams.add(padded.substring(i, i + 3));
        }
        return trigrams;
    }
}
