package org.supportgate.auth.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds which of a fixed set of literals occur in a text, in one pass over it (Aho-Corasick).
 *
 * <p>Why: the classifier's rules need a few thousand distinct words between them; looking each one up
 * with {@link String#contains} per sentence would cost more than it saves. Immutable and thread-safe.
 */
final class LiteralScanner {

    private final char[][] keys;
    private final int[][] targets;
    private final int[] fallback;
    private final int[][] found;
    /** For ASCII, the next node of every node and character, fallbacks followed: one lookup a character. */
    private final int[] asciiNext;
    private final int count;

    /** A scanner for {@code literals}; the index of each in the list is its id. None may be empty. */
    LiteralScanner(List<String> literals) {
        List<Map<Character, Integer>> children = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(new TreeMap<>());
        ends.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            int node = 0;
            for (int i = 0; i < literal.length(); i++) {
                Integer next = children.get(node).get(literal.charAt(i));
                if (next == null) {
                    next = children.size();
                    children.get(node).put(literal.charAt(i), next);
                    children.add(new TreeMap<>());
                    ends.add(new ArrayList<>());
                }
                node = next;
            }
            ends.get(node).add(id);
        }
        int nodes = children.size();
        keys = new char[nodes][];
        targets = new int[nodes][];
        for (int node = 0; node < nodes; node++) {
            Map<Character, Integer> edges = children.get(node);
            keys[node] = new char[edges.size()];
            targets[node] = new int[edges.size()];
            int e = 0;
            for (Map.Entry<Character, Integer> edge : edges.entrySet()) {
                keys[node][e] = edge.getKey();
                targets[node][e++] = edge.getValue();
            }
        }
        fallback = new int[nodes];
        found = new int[nodes][];
        found[0] = ids(ends.get(0), new int[0]);
        // Breadth first, so a node's fallback (its longest proper suffix in the trie) is done before it.
        Deque<Integer> queue = new ArrayDeque<>();
        List<Integer> order = new ArrayList<>();
        for (int child : targets[0]) {
            fallback[child] = 0;
            found[child] = ids(ends.get(child), found[0]);
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            order.add(node);
            for (int e = 0; e < keys[node].length; e++) {
                int child = targets[node][e];
                int suffix = fallback[node];
                int next;
                while ((next = edge(suffix, keys[node][e])) < 0 && suffix != 0) {
                    suffix = fallback[suffix];
                }
                fallback[child] = next >= 0 ? next : 0;
                found[child] = ids(ends.get(child), found[fallback[child]]);
                queue.add(child);
            }
        }
        asciiNext = new int[nodes * ASCII];
        for (char c = 0; c < ASCII; c++) {
            asciiNext[c] = Math.max(edge(0, c), 0);
        }
        for (int node : order) {
            // A node's fallback is shallower, so its row is already filled.
            for (char c = 0; c < ASCII; c++) {
                int next = edge(node, c);
                asciiNext[node * ASCII + c] = next >= 0 ? next : asciiNext[fallback[node] * ASCII + c];
            }
        }
        count = literals.size();
    }

    private static final int ASCII = 128;

    /** Which literals occur in {@code text}, indexed by id. */
    boolean[] scan(String text) {
        boolean[] present = new boolean[count];
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ASCII) {
                node = asciiNext[node * ASCII + c];
            } else {
                int next;
                while ((next = edge(node, c)) < 0 && node != 0) {
                    node = fallback[node];
                }
                node = next >= 0 ? next : 0;
            }
            for (int id : found[node]) {
                present[id] = true;
            }
        }
        return present;
    }

    private int edge(int node, char c) {
        int e = Arrays.binarySearch(keys[node], c);
        return e >= 0 ? targets[node][e] : -1;
    }

    private static int[] ids(List<Integer> own, int[] inherited) {
        int[] all = Arrays.copyOf(inherited, inherited.length + own.size());
        for (int i = 0; i < own.size(); i++) {
            all[inherited.length + i] = own.get(i);
        }
        return all;
    }
}
