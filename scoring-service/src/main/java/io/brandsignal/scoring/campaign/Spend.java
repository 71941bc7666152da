package io.brandsignal.scoring.campaign;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * What a campaign cost.
 *
 * @param amount the amount spent, not negative
 * @param currency its ISO 4217 currency
 */
public record Spend(BigDecimal amount, Currency currency) {

	public Spend {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("A spend cannot be negative");
		}
	}

	public static Spend of(String amount, String currency) {
		return new Spend(new BigDecimal(amount), Currency.getInstance(currency));
	}

}
