package dev.warden.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void meanErrorAndRatio() {
        Stats s = Stats.of(9, 10, 11);
        assertEquals(10, s.mean(), 1e-9);
        // t(0.9995, 2) = 31.599; standard deviation 1; n = 3
        assertEquals(31.599 / Math.sqrt(3), s.error(), 1e-3);
        Stats ratio = new Stats(20, 2, 5).over(new Stats(10, 1, 5));
        assertEquals(2, ratio.mean(), 1e-9);
        assertEquals(2 * Math.sqrt(0.01 + 0.01), ratio.error(), 1e-9);
    }
}
