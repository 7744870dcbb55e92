package org.backstory.billing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.invoice.LicenceSale;
import org.jspecify.annotations.Nullable;

/**
 * The form staff sell a group licence by invoice with, as typed: every field is checked
 * here, with a sentence per field, before anything is written.
 */
public record LicenceSaleForm(String institution, String billingAddress, String contactEmail, String managerEmail,
		String managerName, String planCode, String seats, String interval, String startDate, String paymentTerms,
		String poNumber) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

	public LicenceSaleForm {
		institution = orEmpty(institution);
		billingAddress = orEmpty(billingAddress);
		contactEmail = orEmpty(contactEmail);
		managerEmail = orEmpty(managerEmail);
		managerName = orEmpty(managerName);
		planCode = orEmpty(planCode);
		seats = orEmpty(seats);
		interval = orEmpty(interval);
		startDate = orEmpty(startDate);
		paymentTerms = orEmpty(paymentTerms);
		poNumber = orEmpty(poNumber);
	}

	static LicenceSaleForm empty(LocalDate today) {
		return new LicenceSaleForm("", "", "", "", "", "", "", "month", today.toString(),
				String.valueOf(LicenceSale.DEFAULT_PAYMENT_TERMS), "");
	}

	/** The sale, or the problems by field. */
	record Checked(@Nullable LicenceSale sale, Map<String, String> errors) {
	}

	Checked check() {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = institution.strip();
		if (name.isEmpty() || name.length() > 200) {
			errors.put("institution", "Enter the institution's name (at most 200 characters).");
		}
		if (billingAddress.strip().length() > 1000) {
			errors.put("billingAddress", "The billing address can be at most 1,000 characters.");
		}
		if (!EMAIL.matcher(contactEmail.strip()).matches()) {
			errors.put("contactEmail", "Enter the billing contact's email address, like accounts@example.edu.");
		}
		if (!EMAIL.matcher(managerEmail.strip()).matches()) {
			errors.put("managerEmail", "Enter the manager's email address, like librarian@example.edu.");
		}
		Integer seatCount = whole(seats, 1, GroupTerms.MAX_SEATS);
		if (seatCount == null) {
			errors.put("seats", "Enter the seats as a whole number from 1 to " + GroupTerms.MAX_SEATS + ".");
		}
		BillingInterval billingInterval = BillingInterval.fromCode(interval).orElse(null);
		if (billingInterval == null) {
			errors.put("interval", "Choose monthly or yearly.");
		}
		LocalDate start = date(startDate);
		if (start == null) {
			errors.put("startDate", "Enter the start date as a date, like 2027-01-31.");
		}
		Integer terms = whole(paymentTerms, 0, 365);
		if (terms == null) {
			errors.put("paymentTerms", "Enter the payment terms as days from 0 to 365.");
		}
		if (poNumber.strip().length() > 100) {
			errors.put("poNumber", "The PO number can be at most 100 characters.");
		}
		if (!errors.isEmpty() || seatCount == null || billingInterval == null || start == null || terms == null) {
			return new Checked(null, errors);
		}
		String manager = managerEmail.strip();
		String managerShown = managerName.strip().isEmpty() ? manager.substring(0, manager.indexOf('@'))
				: managerName.strip();
		return new Checked(new LicenceSale(name, billingAddress.strip(), contactEmail.strip(), manager, managerShown,
				planCode.strip(), seatCount, billingInterval, start, terms,
				poNumber.strip().isEmpty() ? null : poNumber.strip()), errors);
	}

	private static @Nullable Integer whole(String typed, int min, int max) {
		try {
			int value = Integer.parseInt(typed.strip());
			return value < min || value > max ? null : value;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate date(String typed) {
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

}
