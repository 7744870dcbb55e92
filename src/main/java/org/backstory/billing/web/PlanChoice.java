package org.backstory.billing.web;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Money;
import org.backstory.billing.planchange.PlanChangeQuote;

/**
 * One plan and interval the member may move to, with what moving costs now.
 *
 * @param title e.g. {@code Patron, yearly}
 * @param price e.g. {@code $100.00 / year}
 * @param dueNow what is charged on confirming, e.g. {@code $46.67}
 * @param summary the whole bargain in a sentence: what is charged now, credit, and the
 * next charge
 * @param href the confirmation page
 * @param confirm the confirmation button's words, e.g. {@code Confirm and pay $46.67}
 * @param quotedAt the quote's moment in epoch seconds, carried by the confirmation form
 */
public record PlanChoice(String title, String price, String dueNow, String summary, String href, String confirm,
		String quotedAt) {

	static PlanChoice of(PlanChangeQuote quote) {
		String currency = quote.currency();
		String dueNow = Money.format(quote.dueNow(), currency);
		String then = "then " + Money.format(quote.price(), currency) + " / " + quote.interval().code() + " from "
				+ Pages.date(quote.nextChargeOn()) + ".";
		String summary;
		if (quote.trial()) {
			summary = "No charge now: your free trial goes on until " + Pages.date(quote.nextChargeOn()) + ", " + then;
		}
		else if (quote.dueNow() > 0) {
			String credit = " (after " + Money.format(quote.credit(), currency)
					+ " credit for what's left of your current plan), ";
			summary = dueNow + " now" + (quote.credit() > 0 ? credit : ", ") + then;
		}
		else if (quote.creditAdded() > 0) {
			summary = "No charge now. " + Money.format(quote.creditAdded(), currency)
					+ " credit for what's left of your current plan goes toward your next charges; " + then;
		}
		else {
			summary = "No charge now; " + then;
		}
		return new PlanChoice(quote.planName() + (quote.interval() == BillingInterval.MONTH ? ", monthly" : ", yearly"),
				Money.format(quote.price(), currency) + " / " + quote.interval().code(), dueNow, summary,
				"/account/plan/" + quote.planCode() + "/" + quote.interval().code(),
				quote.dueNow() > 0 ? "Confirm and pay " + dueNow : "Confirm change",
				Long.toString(quote.quotedAt().getEpochSecond()));
	}

}
