package org.supportgate.auth.policy;

/**
 * True positives, false positives and false negatives for one yes/no decision over a corpus.
 * With nothing predicted or nothing to find, precision or recall is 1 (nothing was missed).
 */
public record Counts(int truePositives, int falsePositives, int falseNegatives) {

    Counts plus(boolean predicted, boolean actual) {
        return new Counts(
                truePositives + (predicted && actual ? 1 : 0),
                falsePositives + (predicted && !actual ? 1 : 0),
                falseNegatives + (!predicted && actual ? 1 : 0));
    }

    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
        int actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** How many the corpus holds (true positives and false negatives). */
    public int support() {
        return truePositives + falseNegatives;
    }
}
