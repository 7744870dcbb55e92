package org.backstory.billing.web;

import org.backstory.billing.Money;
import org.backstory.billing.invoice.InvoiceLicence;
import org.backstory.shared.Dates;

/** A group licence sold by invoice, as the staff list shows it. */
public record LicenceRow(long subscriptionId, String institution, String plan, int seats, String price, String status,
		String periodEnd, boolean cancelable) {

	static LicenceRow of(InvoiceLicence licence) {
		return new LicenceRow(licence.subscriptionId(), licence.institution(), licence.planName(), licence.seats(),
				Money.format(licence.price(), licence.currency()) + " per " + licence.interval().code(),
				licence.status().code(), Dates.readerLastDay(licence.periodEnd()), switch (licence.status()) {
					case ACTIVE, PAST_DUE -> true;
					default -> false;
				});
	}

}
