package io.brandsignal.dashboard.readmodel;

import java.time.LocalDate;

/**
 * Published in this instance after a brand's stored values of one day changed.
 *
 * @param brand the brand
 * @param day the day whose values changed
 */
public record RollupChanged(String brand, LocalDate day) {
}
