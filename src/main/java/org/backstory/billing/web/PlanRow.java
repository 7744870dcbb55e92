package org.backstory.billing.web;

import java.math.BigDecimal;
import java.util.Currency;

import org.backstory.billing.GroupTerms;
import org.backstory.billing.Money;
import org.backstory.billing.Plan;
import org.jspecify.annotations.Nullable;

/**
 * A plan as the plans page lists it.
 *
 * @param monthlyInput the monthly price as the price form shows it, e.g. {@code 6.50}
 * @param yearlyInput the yearly price as the price form shows it
 * @param group the group plan's terms as the group form shows them, blank for an ordinary
 * plan
 */
public record PlanRow(String code, String name, String tier, String currency, String monthlyPrice, String yearlyPrice,
		String monthlyInput, String yearlyInput, int trialDays, boolean active, GroupTermsForm group) {

	static PlanRow of(Plan plan, @Nullable GroupTerms terms) {
		GroupTermsForm group = terms == null ? new GroupTermsForm("", "", "")
				: new GroupTermsForm(Integer.toString(terms.includedSeats()),
						major(terms.monthlySeatPrice(), plan.currency()),
						major(terms.yearlySeatPrice(), plan.currency()));
		return new PlanRow(plan.code(), plan.name(), plan.tier(), plan.currency(),
				Money.format(plan.monthlyPrice(), plan.currency()), Money.format(plan.yearlyPrice(), plan.currency()),
				major(plan.monthlyPrice(), plan.currency()), major(plan.yearlyPrice(), plan.currency()),
				plan.trialDays(), plan.active(), group);
	}

	/**
	 * This row with the prices a rejected form carried, so the owner can correct what
	 * they typed.
	 */
	PlanRow typed(PlanForm form) {
		return new PlanRow(code, name, tier, currency, monthlyPrice, yearlyPrice, text(form.monthlyPrice()),
				text(form.yearlyPrice()), trialDays, active, group);
	}

	/** This row with the group terms a rejected form carried. */
	PlanRow typed(GroupTermsForm form) {
		return new PlanRow(code, name, tier, currency, monthlyPrice, yearlyPrice, monthlyInput, yearlyInput, trialDays,
				active, form);
	}

	private static String major(long minorUnits, String currency) {
		int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		return BigDecimal.valueOf(minorUnits, digits).toPlainString();
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

}
