package dk.raaderum.ideabank.service.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import java.util.stream.IntStream;

class TopKTest {

    @Test
    void selectsTheFirstKInOrderAsAFullSortWould() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(300);
            int k = n == 0 ? 0 : 1 + random.nextInt(n);
            // few distinct values, so ties are common; ties fall to the smaller number
            int[] values = random.ints(n, 0, 12).toArray();
            IntBinaryOperator order = (a, b) -> values[a] != values[b] ? Integer.compare(values[a], values[b])
                    : Integer.compare(a, b);
            int[] sorted = IntStream.range(0, n).boxed().sorted(Comparator.comparing(i -> i, order::applyAsInt))
                    .mapToInt(Integer::intValue).toArray();
            assertArrayEquals(Arrays.copyOf(sorted, k), TopK.select(n, k, order), "n=" + n + ", k=" + k);
        }
    }
}
