package dk.raaderum.ideabank.service.search;

import java.util.function.IntBinaryOperator;

/**
 * The first {@code k} of {@code 0 … n-1} in an order, without boxing: a heap of the best {@code k} whose root is the
 * worst of them, so each further number costs one comparison unless it belongs in the heap. {@code n log k}.
 */
final class TopK {

    private TopK() {
    }

    /** @param order negative when the first number comes before the second */
    static int[] select(int n, int k, IntBinaryOperator order) {
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size < k) {
                heap[size] = i;
                up(heap, size++, order);
            } else if (order.applyAsInt(i, heap[0]) < 0) {
                heap[0] = i;
                down(heap, k, order);
            }
        }
        // take the worst off the root, one at a time, filling the array from the back
        for (int end = size - 1; end > 0; end--) {
            int worst = heap[0];
            heap[0] = heap[end];
            heap[end] = worst;
            down(heap, end, order);
        }
        return heap;
    }

    private static void up(int[] heap, int i, IntBinaryOperator order) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (order.applyAsInt(heap[i], heap[parent]) <= 0) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void down(int[] heap, int size, IntBinaryOperator order) {
        int i = 0;
        while (true) {
            int worst = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && order.applyAsInt(heap[left], heap[worst]) > 0) {
                worst = left;
            }
            if (right < size && order.applyAsInt(heap[right], heap[worst]) > 0) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
