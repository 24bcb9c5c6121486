package dk.raaderum.ideabank.service.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

/** Every key is found where a binary search finds it, in any order of the keys, and missing keys are not found. */
class GallopingTest {

    @Test
    void findsWhatABinarySearchFindsInAnyOrder() {
        Random random = new Random(7);
        long[] sorted = random.longs(5_000, 0, 50_000).distinct().sorted().toArray();
        int[] positions = Arrays.stream(sorted).mapToInt(v -> (int) v).toArray();
        for (String order : new String[] { "ascending", "descending", "random" }) {
            long[] keys = random.longs(3_000, -10, 50_010).toArray();
            if (!order.equals("random")) {
                Arrays.sort(keys);
            }
            if (order.equals("descending")) {
                for (int i = 0; i < keys.length / 2; i++) {
                    long swap = keys[i];
                    keys[i] = keys[keys.length - 1 - i];
                    keys[keys.length - 1 - i] = swap;
                }
            }
            Galloping longs = new Galloping();
            Galloping ints = new Galloping();
            for (long key : keys) {
                int expected = Arrays.binarySearch(sorted, key);
                int found = longs.find(sorted, key);
                assertEquals(expected >= 0 ? expected : -1, found >= 0 ? found : -1, order + " " + key);
                int foundInt = ints.find(positions, (int) key);
                assertEquals(expected >= 0 ? expected : -1, foundInt >= 0 ? foundInt : -1, order + " int " + key);
            }
        }
    }

    @Test
    void anEmptyArrayHasNothing() {
        assertTrue(new Galloping().find(new long[0], 1) < 0);
        Galloping one = new Galloping();
        assertEquals(0, one.find(new long[] { 5 }, 5));
        assertTrue(one.find(new long[] { 5 }, 6) < 0);
        assertTrue(one.find(new long[] { 5 }, 4) < 0);
    }
}
