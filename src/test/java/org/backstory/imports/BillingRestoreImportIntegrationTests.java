package org.backstory.imports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingArchive;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.CheckoutService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing files of Backstory's own export archive at {@code /admin/import}, over HTTP
 * on the shared database (which has subscriptions): a malformed row is a problem with its
 * file and line, and nothing is imported; a file without a column is refused; valid files
 * are left out, with a notice saying why, when the publication already has subscriptions.
 * The restore itself is {@code exports.RoundTripIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillingRestoreImportIntegrationTests extends ImportIntegrationTestSupport {

	private static final String START = "2026-11-01T00:00:00.000Z";

	private static final String END = "2026-12-01T00:00:00.000Z";

	@Autowired
	CheckoutService checkouts;

	@Test
	void malformedBillingRowsAreListedWithTheirLinesAndNothingIsImported() {
		Visitor.Page dryRun = desk.upload("backstory-export.zip",
				archive(subscriptions(subscription("1", "active", START), subscription("2", "paused", START),
						subscription("3", "active", "yesterday")),
						payments(payment("1", "1", "succeeded", "7"), payment("2", "1", "pending", ""),
								payment("3", "9", "succeeded", "7"))));

		assertThat(dryRun.status()).isEqualTo(422);
		assertThat(dryRun.document().select("form.import-confirm")).isEmpty();
		assertThat(dryRun.document().select("li.import-problem").eachText()).containsExactlyInAnyOrder(
				"subscriptions.csv line 3: status \"paused\" is not one of active, canceled, expired, incomplete, incomplete_expired, past_due, trialing.",
				"subscriptions.csv line 4: current_period_start is not a date (\"yesterday\").",
				"payments.csv line 3: a pending payment cannot be restored: its answer from the gateway is still to come; let it settle on the old site and export again.",
				"payments.csv line 4: subscription_id 9 is not in subscriptions.csv.",
				"payments.csv line 4: invoice_number 7 is used twice.");
		assertThat(jdbc.sql("select count(*) from imports.imported_item where source_key like :run")
			.param("run", "%" + archives.run + "%")
			.query(Long.class)
			.single()).as("nothing of the archive is imported").isZero();
	}

	@Test
	void aBillingFileWithoutAColumnIsRefused() {
		String payments = String.join(",", BillingArchive.PAYMENT_COLUMNS).replace(",invoice_number", "") + "\r\n";

		Visitor.Page dryRun = desk.upload("backstory-export.zip", archive(subscriptions(), payments));

		assertThat(dryRun.status()).isEqualTo(422);
		assertThat(dryRun.document().select("li.import-problem").eachText())
			.containsExactly("payments.csv line 1: The file lacks the column invoice_number.");
	}

	@Test
	void billingIsNotRestoredIntoAPublicationThatHasSubscriptionsAndTheRestImports() {
		Plan plan = plans.activePlans().get(0);
		BillingFixtures.subscribedMember(directory, checkouts, plan, BillingInterval.MONTH, SandboxCards.SUCCEEDS);

		Visitor.Page dryRun = desk.upload("backstory-export.zip", archive(
				subscriptions(subscription("1", "active", START)), payments(payment("1", "1", "succeeded", "7"))));

		assertThat(dryRun.status()).isEqualTo(200);
		assertThat(dryRun.document().select("li.import-notice").eachText()).contains(
				"subscriptions.csv, payments.csv: Not restored: this publication already has subscriptions or payments; they are restored only into a publication that has none.");
		assertThat(dryRun.document().select("form.import-confirm")).as("the articles still import").isNotEmpty();
	}

	/**
	 * Backstory's own archive: the test posts.json with its section, and the two billing
	 * files.
	 */
	private byte[] archive(String subscriptions, String payments) {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("posts.json",
				new String(
						archives.backstory(text -> text.replace("\"format_version\": 1,",
								"\"format_version\": 1, \"publication\": {\"name\": \"Harbour Times\"},")),
						StandardCharsets.UTF_8));
		files.put("subscriptions.csv", subscriptions);
		files.put("payments.csv", payments);
		return Archives.zip("", files);
	}

	private static String subscriptions(String... rows) {
		return csv(BillingArchive.SUBSCRIPTION_COLUMNS, rows);
	}

	private static String payments(String... rows) {
		return csv(BillingArchive.PAYMENT_COLUMNS, rows);
	}

	private static String csv(List<String> columns, String... rows) {
		return String.join(",", columns) + "\r\n" + String.join("", List.of(rows));
	}

	/** A monthly subscription of {@code reader@billing.test} (not a member here). */
	private static String subscription(String id, String status, String start) {
		return String.join(",", id, "5", "reader@billing.test", "t-plan", "paid", "month", "500", "USD", status,
				"false", "true", start, END, "", "", "", "", "", "", "", START, START) + "\r\n";
	}

	private static String payment(String id, String subscriptionId, String status, String invoice) {
		String settled = status.equals("pending") ? "" : START;
		return String.join(",", id, "5", "reader@billing.test", subscriptionId, "checkout", status, "500", "500", "0",
				"0", "0", "USD", invoice, "sandbox", "", "", START, END, START, settled, "") + "\r\n";
	}

}
