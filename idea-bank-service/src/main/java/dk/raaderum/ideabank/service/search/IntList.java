package dk.raaderum.ideabank.service.search;

import java.util.Arrays;

/** Ascending numbers (positions of ideas) while they are collected, without boxing; a repeat of the last is ignored. */
final class IntList {

    private int[] values = new int[2];
    private int size;

    void add(int value) {
        if (size > 0 && values[size - 1] == value) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int[] toArray() {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
