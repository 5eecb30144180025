package dev.warden.benchmarks;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean and its error as JMH reports it: the half-width of the 99.9% confidence interval from Student's t
 * distribution, and the ratio of two such measurements with the relative errors added in quadrature.
 */
public record Stats(double mean, double error, int samples) {
    /** The mean of {@code values} and the half-width of its 99.9% confidence interval (NaN for one value). */
    public static Stats of(double... values) {
        int n = values.length;
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        if (n < 2) {
            return new Stats(mean, Double.NaN, n);
        }
        double sumSquares = 0;
        for (double v : values) {
            sumSquares += (v - mean) * (v - mean);
        }
        double stdDev = Math.sqrt(sumSquares / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2);
        return new Stats(mean, t * stdDev / Math.sqrt(n), n);
    }

    /** This measurement divided by {@code baseline}, with the error propagated. */
    public Stats over(Stats baseline) {
        double ratio = mean / baseline.mean;
        double relative = Math.sqrt(square(error / mean) + square(baseline.error / baseline.mean));
        return new Stats(ratio, ratio * relative, Math.min(samples, baseline.samples));
    }

    private static double square(double x) {
        return x * x;
    }
}
