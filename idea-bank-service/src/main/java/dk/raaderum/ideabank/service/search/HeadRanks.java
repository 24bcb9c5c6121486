package dk.raaderum.ideabank.service.search;

import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rank every idea has for each word of its small vector (title A, summary B, their compound parts D: V3's
 * {@code head_vector}), as of one version of the texts, so a one-word search takes its hits' ranks from here instead of
 * PostgreSQL ranking every hit (for a word in a quarter of the bank, two thirds of its time).
 *
 * <p>The rank is PostgreSQL's {@code ts_rank(head_vector, q, 1)} for a query of one word, computed as tsrank.c does
 * it (calc_rank_or for one operand, then normalisation 1): with the weights D 0.1, C 0.2, B 0.4, A 1.0 of the
 * word's positions in order, {@code r = sum(w_j / j^2)} and the largest weight {@code w_m} at {@code m},
 * {@code rank = (w_m + r - w_m / m^2) / 1.64493406685 / log2(positions of the whole vector + 1)}; an idea whose small
 * vector lacks the word ranks 0. A word with exclusions ({@code pleje -hjem}) ranks every hit as PostgreSQL does an
 * and whose vector has only one of its words: {@code 1e-20 / log2(positions + 1)}.
 */
final class HeadRanks {

    private static final float[] WEIGHTS = { 0.1f, 0.2f, 0.4f, 1.0f };
    private static final int D = 0;

    /** PostgreSQL's rank before normalisation when a query's words and-ed together have no pair in a vector. */
    private static final float NO_PAIR = 1e-20f;

    private final long[] ids;
    /** Per idea: log2 of its small vector's positions + 1 (normalisation 1), infinite for an empty vector. */
    private final double[] lengths;
    /** Per word: the positions (in {@link #ids}, ascending) of the ideas whose small vector has it, and their ranks. */
    private final Map<String, Postings> words;

    private record Postings(int[] positions, float[] ranks) {
    }

    /** @param vectors every idea's small vector as PostgreSQL writes it ({@code head_vector::text}), by id */
    HeadRanks(long[] ids, String[] vectors) {
        this.ids = ids;
        this.lengths = new double[ids.length];
        Map<String, Growing> growing = new HashMap<>();
        for (int p = 0; p < ids.length; p++) {
            Vector vector = Vector.parse(vectors[p]);
            double length = vector.words.length == 0 ? Double.POSITIVE_INFINITY
                    : Math.log(vector.positions + 1.0) / Math.log(2.0);
            lengths[p] = length;
            for (int w = 0; w < vector.words.length; w++) {
                growing.computeIfAbsent(vector.words[w], k -> new Growing()).add(p,
                        (float) (rankOfOne(vector.weights[w]) / length));
            }
        }
        words = new HashMap<>(growing.size() * 2);
        growing.forEach((word, postings) -> words.put(word, postings.done()));
    }

    /**
     * The ideas with their ranks for the word (0 for those whose small vector lacks it); with {@code exclusions} (the
     * word and-ed with words the hits lack), PostgreSQL's rank of an and without a pair of present words: 1e-20
     * normalised, for every hit.
     */
    Scored rank(String word, boolean exclusions, long[] hits) {
        Postings postings = words.get(word);
        float[] scores = new float[hits.length];
        Galloping idea = new Galloping();
        Galloping posting = new Galloping();
        for (int h = 0; h < hits.length; h++) {
            int p = idea.find(ids, hits[h]);
            if (p < 0) {
                continue;
            }
            if (exclusions) {
                scores[h] = (float) (NO_PAIR / lengths[p]);
            } else if (postings != null) {
                int at = posting.find(postings.positions, p);
                scores[h] = at < 0 ? 0f : postings.ranks[at];
            }
        }
        return new Scored(hits, scores);
    }

    /** tsrank.c's calc_rank_or for one word with positions of these weights (in position order). */
    static float rankOfOne(int[] weights) {
        float sum = 0f;
        float max = -1f;
        int at = 0;
        for (int j = 0; j < weights.length; j++) {
            float w = WEIGHTS[weights[j]];
            sum = sum + w / ((j + 1) * (j + 1));
            if (w > max) {
                max = w;
                at = j;
            }
        }
        return (float) ((max + sum - max / ((at + 1) * (at + 1))) / 1.64493406685);
    }

    /** One tsvector's text: {@code 'word':1A,5 'other':3B}. */
    record Vector(String[] words, int[][] weights, int positions) {

        static Vector parse(String text) {
            List<String> words = new ArrayList<>();
            List<int[]> weights = new ArrayList<>();
            VectorText.forEach(text, (word, positions) -> {
                words.add(word);
                weights.add(weights(positions));
            });
            return new Vector(words.toArray(String[]::new), weights.toArray(int[][]::new),
                    weights.stream().mapToInt(own -> own.length).sum());
        }

        /** The weights of a word's positions ({@code 1A,5}); one of weight D for a word without any. */
        private static int[] weights(String positions) {
            if (positions == null) {
                return new int[] { D };
            }
            String[] items = positions.split(",");
            int[] weights = new int[items.length];
            for (int k = 0; k < items.length; k++) {
                char last = items[k].charAt(items[k].length() - 1);
                weights[k] = switch (last) {
                    case 'A' -> 3;
                    case 'B' -> 2;
                    case 'C' -> 1;
                    default -> D;
                };
            }
            return weights;
        }
    }

    /** Postings while they are collected. */
    private static final class Growing {
        private int[] positions = new int[4];
        private float[] ranks = new float[4];
        private int size;

        void add(int position, float rank) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
                ranks = Arrays.copyOf(ranks, size * 2);
            }
            positions[size] = position;
            ranks[size++] = rank;
        }

        Postings done() {
            return new Postings(Arrays.copyOf(positions, size), Arrays.copyOf(ranks, size));
        }
    }
}
