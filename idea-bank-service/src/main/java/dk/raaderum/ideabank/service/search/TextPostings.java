package dk.raaderum.ideabank.service.search;

import dk.raaderum.ideabank.repository.IdeaSearchRepository;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.TextRow;
import dk.raaderum.ideabank.repository.Jdbc.Reads;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which ideas have each word in their texts (every lexeme of V2's {@code search_vector}: title, summary, description
 * and their compound parts), as of one version of the texts: what {@code search_vector @@ 'word'} finds, without
 * PostgreSQL visiting a heap page per hit to read its id (for a word in a quarter of the bank, 20 ms at 100,000 ideas).
 * About 4 bytes per word of an idea, 20–30 MB at 100,000 ideas.
 */
final class TextPostings {

    private static final int[] NONE = new int[0];

    private final long[] ids;
    /** Per word: the positions in {@link #ids} (ascending) of the ideas that have it. */
    private final Map<String, int[]> words;

    private TextPostings(long[] ids, Map<String, int[]> words) {
        this.ids = ids;
        this.words = words;
    }

    /** Every idea's words as the snapshot sees them. */
    static TextPostings read(IdeaSearchRepository repository, Reads reads) {
        Builder builder = new Builder();
        repository.searchWords(reads, builder);
        return builder.build();
    }

    /** The ids (ascending) of the ideas that have {@code word} and none of {@code excluded}. */
    long[] ideas(String word, List<String> excluded) {
        int[] with = words.getOrDefault(word, NONE);
        for (String other : excluded) {
            with = without(with, words.getOrDefault(other, NONE));
        }
        long[] found = new long[with.length];
        for (int i = 0; i < with.length; i++) {
            found[i] = ids[with[i]];
        }
        return found;
    }

    /** The positions of {@code all} that {@code excluded} lacks (both ascending). */
    private static int[] without(int[] all, int[] excluded) {
        int[] kept = new int[all.length];
        int size = 0;
        int e = 0;
        for (int position : all) {
            while (e < excluded.length && excluded[e] < position) {
                e++;
            }
            if (e == excluded.length || excluded[e] != position) {
                kept[size++] = position;
            }
        }
        return Arrays.copyOf(kept, size);
    }

    /** Collects the ideas' words row by row, in ascending id order. */
    private static final class Builder implements TextRow {
        private long[] ids = new long[1024];
        private int size;
        private final Map<String, IntList> growing = new HashMap<>();

        @Override
        public void accept(long id, String vector) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            int position = size;
            ids[size++] = id;
            VectorText.forEach(vector, (word, positions) -> growing.computeIfAbsent(word, w -> new IntList())
                    .add(position));
        }

        TextPostings build() {
            Map<String, int[]> words = new HashMap<>(growing.size() * 2);
            growing.forEach((word, positions) -> words.put(word, positions.toArray()));
            return new TextPostings(Arrays.copyOf(ids, size), words);
        }
    }
}
