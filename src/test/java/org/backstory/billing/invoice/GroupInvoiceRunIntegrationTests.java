package org.backstory.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.backstory.OwnDatabase;
import org.backstory.billing.BillingClockTestSupport;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.billing.GracePeriodSettings;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.group.GroupFixtures;
import org.backstory.email.SentMail;
import org.backstory.members.MemberFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.shared.Dates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Licences sold by invoice over simulated months: the invoice run renews them and issues
 * each period's invoice once however often it runs, the card renewal run never charges
 * them, an unpaid invoice past its due date puts the licence in grace and, unpaid through
 * the grace period, ends it; paying ends the grace, and a canceled licence ends at its
 * period end.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_invoices")
class GroupInvoiceRunIntegrationTests extends BillingClockTestSupport {

	@Autowired
	GroupInvoices invoices;

	@Autowired
	LicenceSales sales;

	@Autowired
	InvoiceRun invoiceRun;

	@Autowired
	PlanAdministration administration;

	@Autowired
	GracePeriodSettings grace;

	@Autowired
	Entitlements entitlements;

	private final long staffId = BillingFixtures.newMemberId();

	private Plan plan;

	private String managerEmail;

	private long managerId;

	@BeforeEach
	void groupPlanAndManager() {
		plan = GroupFixtures.groupPlan(catalog, administration, "paid");
		managerEmail = MemberFixtures.reader(members, "librarian");
		managerId = members.findByEmail(managerEmail).orElseThrow().id();
	}

	@Test
	void theRunRenewsAPaidLicenceAndIssuesTheNextInvoiceOnceWithoutCharging() {
		long firstInvoice = sell(BillingInterval.MONTH);
		assertThat(invoices.markPaid(firstInvoice, today(), "BACS 1", staffId)).isEqualTo(GroupInvoices.Change.DONE);
		Instant periodEnd = invoices.invoice(firstInvoice).orElseThrow().periodEnd();

		clock.advance(Duration.between(clock.instant(), periodEnd).plusMinutes(1));
		run.runDue();
		InvoiceRun.Report first = invoiceRun.runDue(grace.gracePeriod());
		InvoiceRun.Report second = invoiceRun.runDue(grace.gracePeriod());
		run.runDue();

		assertThat(first.renewed()).isEqualTo(1);
		assertThat(second).isEqualTo(new InvoiceRun.Report(0, 0, 0, 0));
		List<GroupInvoice> issued = invoices
			.invoicesOfGroup(invoices.invoice(firstInvoice).orElseThrow().subscriptionId());
		assertThat(issued).extracting(GroupInvoice::status).containsExactly(InvoiceStatus.OPEN, InvoiceStatus.PAID);
		assertThat(issued.get(0).periodStart()).isEqualTo(periodEnd);
		assertThat(issued.get(0).amount()).isEqualTo(1300);
		assertThat(issued.get(0).number()).isGreaterThan(issued.get(1).number());
		assertThat(
				jdbc.sql("select string_agg(purpose || ' ' || status, ', ') from billing.payment where member_id = ?")
					.param(managerId)
					.query(String.class)
					.single())
			.as("no card charge, only the invoice paid by hand")
			.isEqualTo("invoice succeeded");
		assertThat(events()).containsExactly("incomplete>active licence_sold", "active>active invoice_paid",
				"active>active invoice_issued");
		assertThat(SentMail.countTo(jdbc, managerEmail, "Invoice ")).isEqualTo(2);
		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.ACTIVE);
	}

	@Test
	void anUnpaidInvoiceTakesTheLicenceIntoGraceAndThenEndsIt() {
		long invoiceId = sell(BillingInterval.YEAR);
		Instant due = invoices.invoice(invoiceId).orElseThrow().dueAt();

		clock.advance(Duration.between(clock.instant(), due).minusMinutes(1));
		assertThat(invoiceRun.runDue(grace.gracePeriod()).overdue()).isZero();
		clock.advance(Duration.ofMinutes(2));
		assertThat(invoiceRun.runDue(grace.gracePeriod()).overdue()).isEqualTo(1);
		assertThat(invoiceRun.runDue(grace.gracePeriod()).overdue()).isZero();
		String reminder = "Invoice " + invoices.invoice(invoiceId).orElseThrow().number() + " is overdue";
		assertThat(SentMail.countTo(jdbc, managerEmail, reminder)).as("the manager is reminded once").isEqualTo(1);
		assertThat(SentMail.countTo(jdbc, "accounts@example.edu", reminder)).as("and the billing contact").isEqualTo(1);
		assertThat(SentMail.lastTo(jdbc, managerEmail).text()).contains(
				"keep reading until " + Dates.readerDate(due.plus(grace.gracePeriod())),
				"/account/group/invoices/" + invoiceId);

		Entitlement inGrace = entitlements.of(managerId);
		assertThat(inGrace.status()).isEqualTo(Entitlement.Status.PAST_DUE);
		assertThat(inGrace.pastDueSince()).isEqualTo(due);
		assertThat(invoices.invoice(invoiceId).orElseThrow().shownStatus(clock.instant()))
			.isEqualTo(InvoiceStatus.OVERDUE);

		clock.advance(grace.gracePeriod());
		assertThat(invoiceRun.runDue(grace.gracePeriod()).unpaid()).isEqualTo(1);

		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.EXPIRED);
		assertThat(events()).containsExactly("incomplete>active licence_sold", "active>past_due invoice_overdue",
				"past_due>expired invoice_unpaid");
		assertThat(SentMail.lastTo(jdbc, managerEmail).subject()).isEqualTo("Your group licence has ended");
	}

	@Test
	void payingOrGivingMoreTimeEndsTheGrace() {
		long invoiceId = sell(BillingInterval.YEAR);
		clock.advance(Duration.ofDays(31));
		invoiceRun.runDue(grace.gracePeriod());
		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.PAST_DUE);

		assertThat(invoices.extend(invoiceId, today().plusDays(14), staffId)).isEqualTo(GroupInvoices.Change.DONE);
		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.ACTIVE);

		clock.advance(Duration.ofDays(16));
		invoiceRun.runDue(grace.gracePeriod());
		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.PAST_DUE);
		assertThat(invoices.markPaid(invoiceId, today(), "BACS 9", staffId)).isEqualTo(GroupInvoices.Change.DONE);

		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(events()).containsExactly("incomplete>active licence_sold", "active>past_due invoice_overdue",
				"past_due>active invoice_settled", "active>past_due invoice_overdue", "past_due>active invoice_paid");
		assertThat(SentMail.countTo(jdbc, managerEmail,
				"Invoice " + invoices.invoice(invoiceId).orElseThrow().number() + " is overdue"))
			.as("reminded again when the new due date passed")
			.isEqualTo(2);
	}

	@Test
	void aCanceledLicenceEndsAtItsPeriodEndWithoutAnotherInvoice() {
		long invoiceId = sell(BillingInterval.MONTH);
		invoices.markPaid(invoiceId, today(), "BACS 2", staffId);
		long subscriptionId = invoices.invoice(invoiceId).orElseThrow().subscriptionId();

		assertThat(invoices.cancel(subscriptionId, staffId)).isEqualTo(GroupInvoices.Change.DONE);
		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.CANCELED);
		clock.advance(Duration.ofDays(32));
		invoiceRun.runDue(grace.gracePeriod());

		assertThat(entitlements.of(managerId).status()).isEqualTo(Entitlement.Status.EXPIRED);
		assertThat(invoices.invoicesOfGroup(subscriptionId)).hasSize(1);
		assertThat(events()).containsExactly("incomplete>active licence_sold", "active>active invoice_paid",
				"active>canceled canceled_by_staff", "canceled>expired period_ended");
	}

	private long sell(BillingInterval interval) {
		SaleOutcome outcome = sales.sell(new LicenceSale("Example University", "1 College Road", "accounts@example.edu",
				managerEmail, "Libby", plan.code(), 5, interval, today(), 30, null), staffId);
		assertThat(outcome).isInstanceOf(SaleOutcome.Sold.class);
		return ((SaleOutcome.Sold) outcome).invoiceId();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private List<String> events() {
		return jdbc.sql("""
				select e.from_status || '>' || e.to_status || ' ' || e.cause
				from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
				where s.member_id = :member order by e.occurred_at, e.id
				""").param("member", managerId).query(String.class).list();
	}

}
