package org.backstory.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.group.GroupFixtures;
import org.backstory.billing.ledger.RevenueFigures;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff selling a group licence by invoice over HTTP: the seats work at once, the manager
 * and staff read the invoice and nobody else does, marking it paid records a payment in
 * the ledger (revenue and MRR count it) with a receipt, voiding cancels it, and bad input
 * is refused with a sentence and nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupInvoiceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PlanAdministration administration;

	@Autowired
	MemberDirectory members;

	@Autowired
	Entitlements entitlements;

	@Autowired
	RevenueFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private Plan plan;

	private Visitor staff;

	private String today;

	@BeforeEach
	void groupPlanAndStaff() {
		plan = GroupFixtures.groupPlan(catalog, administration, "paid");
		staff = new GroupInvoiceFixtures(port, members).administrator();
		today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
	}

	@Test
	void aSoldLicencesSeatsWorkAtOnceAndTheManagerSeesItsInvoice() {
		String managerEmail = MemberFixtures.reader(members, "librarian");
		long invoiceId = GroupInvoiceFixtures.sell(staff, GroupInvoiceFixtures.sale(plan, managerEmail, today));

		long managerId = members.findByEmail(managerEmail).orElseThrow().id();
		assertThat(jdbc.sql("""
				select s.status || ' ' || s.payment_method || ' ' || s.seats || ' ' || s.price_amount || ' '
				       || (s.due_at is null) || ' ' || i.amount || ' ' || i.status
				from billing.subscription s join billing.group_invoice i on i.subscription_id = s.id
				where s.member_id = :member
				""").param("member", managerId).query(String.class).single()).as("5 seats: $5 for 3, and 2 at $4")
			.isEqualTo("active invoice 5 1300 true 1300 open");
		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(SentMail.lastTo(jdbc, managerEmail).subject()).startsWith("Invoice ")
			.endsWith(" for Example University Library");
		assertThat(SentMail.lastTo(jdbc, "accounts@example.edu").text()).contains("Amount due: $13.00");

		Visitor manager = new Visitor(port);
		manager.signIn(managerEmail, MemberFixtures.PASSWORD);
		Document account = manager.get("/account").document();
		assertThat(account.select(".account-when").text()).startsWith("Next invoice on ");
		assertThat(account.select(".account-next-charge, .account-card")).isEmpty();
		assertThat(account.select(".account-invoices a").attr("href")).isEqualTo("/account/group");
		Document group = manager.get("/account/group").document();
		assertThat(group.select(".seats-used").text()).isEqualTo("1 of 5");
		assertThat(group.select(".invoice-row .invoice-row-status").text()).isEqualTo("open");
		String readerEmail = MemberFixtures.reader(members, "student");
		long readerId = new GroupFixtures(port, members, jdbc).join(manager, readerEmail);
		assertThat(entitlements.of(readerId).status()).isEqualTo(Entitlement.Status.ACTIVE);

		Document invoice = manager.get("/account/group/invoices/" + invoiceId).document();
		assertThat(invoice.select(".invoice-institution").text())
			.startsWith("Example University Library 1 College Road");
		assertThat(invoice.select(".invoice-po").text()).isEqualTo("PO-7781");
		assertThat(invoice.select(".invoice-line").eachText())
			.containsExactly("Test group, monthly: 3 seats included $5.00", "2 further seats × $4.00 $8.00");
		assertThat(invoice.select(".invoice-total").text()).isEqualTo("$13.00");
		assertThat(invoice.select(".invoice-how-to-pay").text()).contains("bank transfer");
		assertThat(staff.get("/admin/billing/invoices/" + invoiceId).document().select(".invoice-number").text())
			.isEqualTo(invoice.select(".invoice-number").text());
	}

	@Test
	void anInvoiceIsNotFoundForAnyoneButStaffAndItsManager() {
		String managerEmail = MemberFixtures.reader(members, "librarian");
		long invoiceId = GroupInvoiceFixtures.sell(staff, GroupInvoiceFixtures.sale(plan, managerEmail, today));
		Visitor stranger = new Visitor(port);
		stranger.signIn(MemberFixtures.reader(members, "stranger"), MemberFixtures.PASSWORD);
		Visitor otherManager = new Visitor(port);
		String otherEmail = MemberFixtures.reader(members, "other-librarian");
		GroupInvoiceFixtures.sell(staff, GroupInvoiceFixtures.sale(plan, otherEmail, today));
		otherManager.signIn(otherEmail, MemberFixtures.PASSWORD);

		assertThat(stranger.get("/account/group/invoices/" + invoiceId).status()).isEqualTo(404);
		assertThat(otherManager.get("/account/group/invoices/" + invoiceId).status()).isEqualTo(404);
		assertThat(stranger.get("/admin/billing/invoices/" + invoiceId).status()).isEqualTo(403);
		assertThat(new Visitor(port).get("/account/group/invoices/" + invoiceId).status()).isEqualTo(302);
		assertThat(staff.get("/admin/billing/invoices/" + invoiceId).status()).isEqualTo(200);
	}

	@Test
	void aNewManagerGetsAnAccountAndTheLicenceCountsInMrrFromTheSale() {
		long mrrBefore = usdMrr();
		String managerEmail = MemberFixtures.uniqueEmail("new-librarian");

		GroupInvoiceFixtures.sell(staff, GroupInvoiceFixtures.sale(plan, managerEmail, today));

		assertThat(members.findByEmail(managerEmail).orElseThrow().name()).isEqualTo("Libby Rarian");
		assertThat(usdMrr() - mrrBefore).isEqualTo(1300);
	}

	@Test
	void markingPaidRecordsAPaymentInTheLedgerAndSendsTheManagerAReceipt() {
		String managerEmail = MemberFixtures.reader(members, "librarian");
		long invoiceId = GroupInvoiceFixtures.sell(staff, GroupInvoiceFixtures.sale(plan, managerEmail, today));
		long number = jdbc.sql("select invoice_number from billing.group_invoice where id = ?")
			.param(invoiceId)
			.query(Long.class)
			.single();

		Visitor.Page paid = staff.submit("/admin/billing/invoices/" + invoiceId,
				"/admin/billing/invoices/" + invoiceId + "/paid", Map.of("paidOn", today, "reference", "BACS 4471"));

		assertThat(paid.status()).isEqualTo(303);
		Map<String, Object> payment = jdbc.sql("""
				select p.id, p.purpose, p.status, p.amount, p.invoice_number, p.member_id, p.gateway_charge_id,
				       e.cause, e.amount as logged, e.to_status
				from billing.group_invoice i join billing.payment p on p.id = i.payment_id
				join billing.subscription_event e on e.payment_id = p.id
				where i.id = :invoice and i.status = 'paid'
				""").param("invoice", invoiceId).query().singleRow();
		long managerId = members.findByEmail(managerEmail).orElseThrow().id();
		Map<String, Object> expected = new HashMap<>(payment);
		expected.putAll(Map.of("purpose", "invoice", "status", "succeeded", "amount", 1300L, "invoice_number", number,
				"member_id", managerId, "gateway_charge_id", "BACS 4471", "cause", "invoice_paid", "logged", 1300L,
				"to_status", "active"));
		assertThat(payment).isEqualTo(expected);
		assertThat(SentMail.lastTo(jdbc, managerEmail).subject()).isEqualTo("Your receipt (invoice " + number + ")");
		Visitor manager = new Visitor(port);
		manager.signIn(managerEmail, MemberFixtures.PASSWORD);
		Document receipt = manager.get("/account/payments/" + payment.get("id")).document();
		assertThat(receipt.select(".receipt-number").text()).isEqualTo(String.format("%06d", number));
		assertThat(receipt.select(".receipt-total").text()).contains("$13.00");
		Document invoice = manager.get("/account/group/invoices/" + invoiceId).document();
		assertThat(invoice.select(".invoice-status").text()).isEqualTo("paid");
		assertThat(invoice.select(".invoice-paid").text()).startsWith("Paid on ").endsWith("(reference BACS 4471)");

		Visitor.Page again = staff.post("/admin/billing/invoices/" + invoiceId + "/paid",
				Map.of("_csrf", csrf(invoiceId), "paidOn", today, "reference", "BACS 4471"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.document().select("p.error").text()).isEqualTo("This invoice is already paid or void.");
		assertThat(jdbc.sql("select count(*) from billing.payment where idempotency_key = ?")
			.param("invoice-" + invoiceId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void voidingCancelsAnUnpaidInvoiceWhichCanThenNotBePaid() {
		String managerEmail = MemberFixtures.reader(members, "librarian");
		long invoiceId = GroupInvoiceFixtures.sell(staff, GroupInvoiceFixtures.sale(plan, managerEmail, today));

		assertThat(staff
			.submit("/admin/billing/invoices/" + invoiceId, "/admin/billing/invoices/" + invoiceId + "/void", Map.of())
			.status()).isEqualTo(303);

		Document page = staff.get("/admin/billing/invoices/" + invoiceId).document();
		assertThat(page.select(".invoice-status").text()).isEqualTo("void");
		assertThat(page.select("form.invoice-mark-paid")).isEmpty();
		assertThat(staff.get("/admin/billing/invoices?status=void").document().select(".invoice-row a").eachText())
			.contains(page.select(".invoice-number").text());
		assertThat(staff
			.post("/admin/billing/invoices/" + invoiceId + "/paid",
					Map.of("_csrf", csrf(invoiceId), "paidOn", today, "reference", "late"))
			.status()).isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from billing.payment where idempotency_key = ?")
			.param("invoice-" + invoiceId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPaymentDateInTheFutureIsRefused() {
		long invoiceId = GroupInvoiceFixtures.sell(staff,
				GroupInvoiceFixtures.sale(plan, MemberFixtures.reader(members, "librarian"), today));

		Visitor.Page refused = staff.submit("/admin/billing/invoices/" + invoiceId,
				"/admin/billing/invoices/" + invoiceId + "/paid",
				Map.of("paidOn", LocalDate.parse(today).plusDays(2).toString(), "reference", "BACS"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.document().select("p.error").text())
			.isEqualTo("The day the money arrived can't be in the future.");
	}

	@Test
	void aSaleWithBadInputIsRefusedFieldByFieldAndWritesNothing() {
		Map<String, String> sale = new HashMap<>(
				GroupInvoiceFixtures.sale(plan, MemberFixtures.uniqueEmail("nobody"), today));
		sale.put("institution", "Refused Institute");
		sale.put("seats", "many");
		sale.put("startDate", "last week");

		Visitor.Page refused = staff.submit("/admin/billing/group-licences", "/admin/billing/group-licences", sale);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".field-error").eachText()).containsExactly(
				"Enter the seats as a whole number from 1 to 1000.",
				"Enter the start date as a date, like 2027-01-31.");
		assertThat(refused.document().select("input[name=institution]").val()).isEqualTo("Refused Institute");
		assertThat(members.findByEmail(sale.get("managerEmail"))).isEmpty();
		assertThat(jdbc.sql("select count(*) from billing.invoice_licence where institution = 'Refused Institute'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aManagerWhoAlreadySubscribesOrAPlanThatIsNotAGroupPlanIsRefused() {
		String managerEmail = MemberFixtures.reader(members, "librarian");
		GroupInvoiceFixtures.sell(staff, GroupInvoiceFixtures.sale(plan, managerEmail, today));
		Map<String, String> second = new HashMap<>(GroupInvoiceFixtures.sale(plan, managerEmail, today));
		second.put("institution", "Second Institute");

		Visitor.Page subscribed = staff.submit("/admin/billing/group-licences", "/admin/billing/group-licences",
				second);
		second.put("managerEmail", MemberFixtures.uniqueEmail("unmade"));
		second.put("planCode", "no-such-plan");
		Visitor.Page notGroup = staff.post("/admin/billing/group-licences", withCsrf(second));

		assertThat(subscribed.status()).isEqualTo(422);
		assertThat(subscribed.document().select(".field-error").text())
			.isEqualTo(managerEmail + " already has a subscription; a manager holds their seat through the licence.");
		assertThat(notGroup.status()).isEqualTo(422);
		assertThat(notGroup.document().select(".field-error").text()).isEqualTo("Choose an active group plan.");
		assertThat(members.findByEmail(second.get("managerEmail"))).isEmpty();
		assertThat(jdbc.sql("select count(*) from billing.invoice_licence where institution = 'Second Institute'")
			.query(Long.class)
			.single()).isZero();
	}

	private Map<String, String> withCsrf(Map<String, String> fields) {
		Map<String, String> all = new HashMap<>(fields);
		all.put("_csrf",
				staff.get("/admin/billing/group-licences")
					.document()
					.selectFirst("form.licence-sale input[name=_csrf]")
					.val());
		return all;
	}

	private String csrf(long invoiceId) {
		return staff.get("/admin/billing/invoices/" + invoiceId).document().selectFirst("input[name=_csrf]").val();
	}

	private long usdMrr() {
		return figures.mrr(clock.instant())
			.stream()
			.filter(amount -> "USD".equals(amount.currency()))
			.mapToLong(RevenueFigures.Amount::minorUnits)
			.sum();
	}

}
