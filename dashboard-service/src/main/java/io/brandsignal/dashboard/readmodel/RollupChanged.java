package io.brandsignal.dashboard.readmodel;

import java.time.LocalDate;

/**
 * Published in this instance once the read model holds a brand's latest rollup of one day (stored by
 * this instance or by another one sharing the database; also for each rollup replayed at startup).
 *
 * @param brand the brand
 * @param day the day whose values changed
 */
public record RollupChanged(String brand, LocalDate day) {
}
