package dk.raaderum.ideabank.service.search;

import java.util.function.IntToLongFunction;

/**
 * Finding many keys in a sorted array, each from where the last was found: hits come from PostgreSQL in the table's
 * physical order, which is mostly the order of ids, so each search is a few steps forward in memory that the
 * processor has just read, instead of a binary search over the whole array (a cache miss per step at 100,000 ideas).
 * A key out of order costs a binary search.
 */
final class Galloping {

    private int from;

    /** The position of {@code key} in {@code sorted} (ascending), or a negative number when it is not there. */
    int find(long[] sorted, long key) {
        return find(i -> sorted[i], sorted.length, key);
    }

    /** The position of {@code key} in {@code sorted} (ascending), or a negative number when it is not there. */
    int find(int[] sorted, int key) {
        return find(i -> sorted[i], sorted.length, key);
    }

    private int find(IntToLongFunction sorted, int length, long key) {
        int low = 0;
        int high = Math.min(from, length);
        if (from < length && sorted.applyAsLong(from) <= key) {
            low = from;
            int step = 1;
            high = low + step;
            while (high < length && sorted.applyAsLong(high) <= key) {
                low = high;
                step <<= 1;
                high = low + step;
            }
            high = Math.min(high, length);
        }
        int at = search(sorted, low, high, key);
        if (at >= 0) {
            from = at;
        }
        return at;
    }

    /** Binary search in [low, high). */
    private static int search(IntToLongFunction sorted, int low, int high, long key) {
        int lo = low;
        int hi = high - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long value = sorted.applyAsLong(mid);
            if (value < key) {
                lo = mid + 1;
            } else if (value > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
