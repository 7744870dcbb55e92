package org.backstory.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.backstory.billing.BillingArchive;
import org.backstory.billing.BillingArchive.ArchivedEvent;
import org.backstory.billing.BillingArchive.ArchivedPayment;
import org.backstory.billing.BillingArchive.ArchivedSubscription;
import org.backstory.billing.BillingRestore;
import org.backstory.shared.CsvReader;
import org.jspecify.annotations.Nullable;

/**
 * The billing files of Backstory's own export archive, read back:
 * {@code subscriptions.csv}, {@code payments.csv} and {@code subscription_events.csv}
 * (the last is missing from archives made before it was exported). Every row is checked
 * as billing would check it, and against the other files (a payment's subscription is in
 * subscriptions.csv, an invoice number is used once, a member has one live subscription);
 * each problem is blocking and names its file and line.
 *
 * @param subscriptions with the member's address, by which the member is found here
 * @param payments with the member's address, or null for a forgotten member's payment
 * @param events the subscription history, empty when the file is missing
 */
record BillingFiles(List<Located<ArchivedSubscription>> subscriptions, List<Located<ArchivedPayment>> payments,
		List<ArchivedEvent> events) {

	static final String SUBSCRIPTIONS = "subscriptions.csv";

	static final String PAYMENTS = "payments.csv";

	static final String EVENTS = "subscription_events.csv";

	private static final Set<String> LIVE = Set.of("trialing", "active", "past_due", "canceled", "incomplete");

	BillingFiles {
		subscriptions = List.copyOf(subscriptions);
		payments = List.copyOf(payments);
		events = List.copyOf(events);
	}

	/**
	 * A row, the line it starts on, and the member's address ({@code null} when the cell
	 * is empty).
	 */
	record Located<T>(int line, @Nullable String email, T row) {
	}

	/** Whether there is anything to restore. */
	boolean isEmpty() {
		return subscriptions.isEmpty() && payments.isEmpty();
	}

	/** The files' names, as the dry run's notices start. */
	static String where() {
		return SUBSCRIPTIONS + ", " + PAYMENTS;
	}

	/**
	 * Reads the files when the archive has subscriptions.csv or payments.csv; null
	 * otherwise.
	 */
	static @Nullable BillingFiles read(Map<String, byte[]> files, List<ImportProblem> problems) {
		if (!files.containsKey(SUBSCRIPTIONS) && !files.containsKey(PAYMENTS)) {
			return null;
		}
		List<Located<ArchivedSubscription>> subscriptions = rows(files, SUBSCRIPTIONS,
				BillingArchive.SUBSCRIPTION_COLUMNS, BillingFiles::subscription, BillingRestore::problems, problems);
		List<Located<ArchivedPayment>> payments = rows(files, PAYMENTS, BillingArchive.PAYMENT_COLUMNS,
				BillingFiles::payment, BillingRestore::problems, problems);
		List<ArchivedEvent> events = files.containsKey(EVENTS) ? rows(files, EVENTS, BillingArchive.EVENT_COLUMNS,
				BillingFiles::event, BillingRestore::problems, problems)
			.stream()
			.map(Located::row)
			.toList() : List.of();
		BillingFiles read = new BillingFiles(subscriptions, payments, events);
		read.crossCheck(problems);
		return read;
	}

	/**
	 * What only the files together say: references between them, and values that must be
	 * unique.
	 */
	private void crossCheck(List<ImportProblem> problems) {
		Set<Long> subscriptionIds = new HashSet<>();
		Set<String> live = new HashSet<>();
		for (Located<ArchivedSubscription> s : subscriptions) {
			String where = SUBSCRIPTIONS + " line " + s.line();
			if (!subscriptionIds.add(s.row().id())) {
				problems.add(ImportProblem.blocking(where, "id " + s.row().id() + " is used twice."));
			}
			if (s.email() == null) {
				problems.add(ImportProblem.blocking(where, "member_email is empty."));
			}
			else if (LIVE.contains(s.row().status()) && !live.add(s.email().toLowerCase(Locale.ROOT))) {
				problems.add(ImportProblem.blocking(where, s.email() + " has another subscription that is not over."));
			}
		}
		Set<Long> paymentIds = new HashSet<>();
		Set<Long> invoices = new HashSet<>();
		for (Located<ArchivedPayment> p : payments) {
			String where = PAYMENTS + " line " + p.line();
			if (!paymentIds.add(p.row().id())) {
				problems.add(ImportProblem.blocking(where, "id " + p.row().id() + " is used twice."));
			}
			if (p.row().subscriptionId() != null && !subscriptionIds.contains(p.row().subscriptionId())) {
				problems.add(ImportProblem.blocking(where,
						"subscription_id " + p.row().subscriptionId() + " is not in " + SUBSCRIPTIONS + "."));
			}
			if (p.row().invoiceNumber() != null && !invoices.add(p.row().invoiceNumber())) {
				problems.add(
						ImportProblem.blocking(where, "invoice_number " + p.row().invoiceNumber() + " is used twice."));
			}
		}
		Set<Long> eventIds = new HashSet<>();
		for (ArchivedEvent e : events) {
			if (!eventIds.add(e.id()) || !subscriptionIds.contains(e.subscriptionId())
					|| (e.paymentId() != null && !paymentIds.contains(e.paymentId()))) {
				problems.add(ImportProblem.blocking(EVENTS + " id " + e.id(),
						"the id is used twice, or its subscription_id or payment_id is not in the other files."));
			}
		}
	}

	private interface RowReader<T> {

		T read(CsvCells cells);

	}

	private static <T> List<Located<T>> rows(Map<String, byte[]> files, String file, List<String> columns,
			RowReader<T> reader, Function<T, List<String>> checks, List<ImportProblem> problems) {
		byte[] bytes = files.get(file);
		if (bytes == null) {
			problems.add(ImportProblem.blocking(file, "The archive has one billing file without the other: " + file
					+ " is missing. Export the archive again."));
			return List.of();
		}
		List<CsvReader.Record> records;
		try {
			records = CsvReader.parse(new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
		}
		catch (CsvReader.MalformedCsvException ex) {
			problems.add(ImportProblem.blocking(file + " line " + ex.line(), "This is not CSV: " + ex.getMessage()));
			return List.of();
		}
		List<String> header = records.isEmpty() ? List.of() : records.get(0).fields();
		List<String> missing = columns.stream().filter(column -> !header.contains(column)).toList();
		if (!missing.isEmpty()) {
			problems.add(ImportProblem.blocking(file + " line 1", "The file lacks the column"
					+ (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "."));
			return List.of();
		}
		List<Located<T>> rows = new ArrayList<>();
		for (CsvReader.Record record : records.subList(1, records.size())) {
			String where = file + " line " + record.line();
			if (record.fields().size() != header.size()) {
				problems.add(ImportProblem.blocking(where,
						"The row has " + record.fields().size() + " cells, the header " + header.size() + "."));
				continue;
			}
			CsvCells cells = new CsvCells(header, record.fields());
			T row = reader.read(cells);
			List<String> wrong = new ArrayList<>(cells.wrong());
			if (wrong.isEmpty()) {
				wrong.addAll(checks.apply(row));
			}
			if (wrong.isEmpty()) {
				rows.add(new Located<>(record.line(), cells.text("member_email"), row));
			}
			else {
				problems.add(ImportProblem.blocking(where, String.join("; ", wrong) + "."));
			}
		}
		return rows;
	}

	private static ArchivedSubscription subscription(CsvCells c) {
		return new ArchivedSubscription(c.id("id"), c.number("member_id", 0L), c.text("plan"), c.required("tier"),
				c.text("interval"), c.number("price_amount", null), c.text("currency"), c.required("status"),
				c.bool("comped"), c.bool("renews"), c.at("current_period_start"), c.when("current_period_end"),
				c.when("trial_end"), c.when("canceled_at"), c.number("coupon_id", null),
				c.parse("percent_off", Integer::valueOf), c.number("amount_off", null), c.when("discount_ends_at"),
				c.number("gift_id", null), c.at("created_at"), c.at("updated_at"));
	}

	private static ArchivedPayment payment(CsvCells c) {
		return new ArchivedPayment(c.id("id"), c.number("member_id", null), c.number("subscription_id", null),
				c.required("purpose"), c.required("status"), c.number("amount", 0L), c.number("list_amount", 0L),
				c.number("discount_amount", 0L), c.number("credit_applied", 0L), c.number("refunded_amount", 0L),
				c.required("currency"), c.number("invoice_number", null), c.required("gateway"),
				c.text("gateway_charge_id"), c.text("failure_code"), c.when("period_start"), c.when("period_end"),
				c.at("created_at"), c.when("settled_at"), c.when("refunded_at"));
	}

	private static ArchivedEvent event(CsvCells c) {
		return new ArchivedEvent(c.id("id"), c.id("subscription_id"), c.text("from_status"), c.required("to_status"),
				c.required("cause"), c.required("actor"), c.number("amount", null), c.text("currency"),
				c.number("payment_id", null), c.at("occurred_at"), c.required("kind"), c.number("mrr_after", 0L),
				c.bool("previous_paid"), c.number("previous_mrr", 0L), c.text("previous_currency"));
	}

}
