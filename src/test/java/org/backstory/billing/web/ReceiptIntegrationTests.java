package org.backstory.billing.web;

import java.util.List;
import java.util.UUID;

import org.backstory.billing.BillingEntry;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Money;
import org.backstory.billing.PaymentRecord;
import org.backstory.billing.Receipts;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.payment.RefundOutcome;
import org.backstory.billing.payment.Refunds;
import org.backstory.billing.planchange.PlanChangeOutcome;
import org.backstory.billing.planchange.PlanChanges;
import org.backstory.billing.web.Readers.Reader;
import org.backstory.members.MemberRole;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Billing history and receipts over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReceiptIntegrationTests extends TwoPlansTestSupport {

	@Autowired
	PlanChanges planChanges;

	@Autowired
	Refunds refunds;

	@Autowired
	Receipts receipts;

	@Autowired
	PublicationService publications;

	@Test
	void theHistoryListsEveryPaymentWithWhatItWasForAndLinksReceiptsOfThoseThatTookMoney() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.FIRST_CHARGE_ONLY);
		assertThat(planChanges.change(reader.id(), patron.code(), BillingInterval.YEAR, UUID.randomUUID(), null))
			.isInstanceOf(PlanChangeOutcome.Declined.class);
		PaymentRecord checkout = payment(supporter.name() + ", monthly");
		refund(checkout.id(), 200);

		Document history = reader.visitor().get("/account/billing").document();

		List<String> rows = history.select("tr.payment").eachText();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0))
			.startsWith(DATE.format(checkout.createdAt()) + " Change to " + patron.name() + ", yearly $")
			.contains(" Declined (");
		assertThat(rows.get(1)).isEqualTo(DATE.format(checkout.createdAt()) + " " + supporter.name()
				+ ", monthly $5.00 Partly refunded $2.00 Receipt");
		assertThat(history.select("tr.payment a").eachAttr("href"))
			.containsExactly("/account/payments/" + checkout.id());
	}

	@Test
	void aReceiptShowsTheInvoiceWhatWasPaidForWhoPaidAndThePublisher() {
		Publication original = publications.publication();
		try {
			publications.update(original.withLegalDetails("Receipt Test Media Ltd", "1 Press Row\nInkford IN1 2PR"));
			Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);
			PaymentRecord checkout = payment(supporter.name() + ", monthly");
			refund(checkout.id(), 100);

			Document receipt = reader.visitor().get("/account/payments/" + checkout.id()).document();

			assertThat(receipt.select(".receipt-number").text())
				.isEqualTo(String.format("%06d", checkout.invoiceNumber()));
			assertThat(receipt.select(".receipt-date").text()).isEqualTo(DATE.format(checkout.settledAt()));
			assertThat(receipt.select(".receipt-member").text())
				.isEqualTo(reader.member().name() + " " + reader.member().email());
			assertThat(receipt.select(".receipt-card").text()).isEqualTo("Visa ending in 4242");
			assertThat(receipt.select(".receipt-item").text()).isEqualTo(supporter.name() + ", monthly "
					+ DATE.format(checkout.periodStart()) + " – " + DATE.format(checkout.periodEnd()));
			assertThat(receipt.select(".receipt-line").eachText()).containsExactly("Price $5.00");
			assertThat(receipt.select(".receipt-total").text()).isEqualTo("Amount paid $5.00");
			assertThat(receipt.select(".receipt-refunded").text()).isEqualTo("Refunded −$1.00");
			assertThat(receipt.select(".receipt-publication").text()).isEqualTo(original.name());
			assertThat(receipt.select(".receipt-seller-name").text()).isEqualTo("Receipt Test Media Ltd");
			assertThat(receipt.select(".receipt-seller address").text()).isEqualTo("1 Press Row Inkford IN1 2PR");
			assertThat(receipt.select(".receipt-seller address br")).as("one line each").hasSize(2);
			assertThat(receipt.select("link[rel=stylesheet]").attr("href")).isEqualTo("/assets/site.css");
		}
		finally {
			publications.update(original);
		}
	}

	@Test
	void aPlanChangeReceiptShowsTheCreditForTheUnusedPart() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);
		PlanChangeOutcome.Changed changed = (PlanChangeOutcome.Changed) planChanges.change(reader.id(), patron.code(),
				BillingInterval.YEAR, UUID.randomUUID(), null);
		PaymentRecord change = payment("Change to " + patron.name() + ", yearly");

		Document receipt = reader.visitor().get("/account/payments/" + change.id()).document();

		assertThat(receipt.select(".receipt-line").eachText()).containsExactly("Price $100.00",
				"Credit −" + Money.format(10000 - changed.charged(), "USD"));
		assertThat(receipt.select(".receipt-total").text())
			.isEqualTo("Amount paid " + Money.format(changed.charged(), "USD"));
		assertThat(payment(supporter.name() + ", monthly").purpose())
			.as("the first payment is still described by the plan it paid for")
			.isEqualTo("checkout");
	}

	@Test
	void anotherMembersReceiptADeclinedPaymentAndAnUnknownIdAreNotFound() {
		Reader other = Readers.signedIn(port, directory, MemberRole.MEMBER);
		Readers.subscribe(checkouts, other.member(), supporter, SandboxCards.FIRST_CHARGE_ONLY);
		planChanges.change(other.id(), patron.code(), BillingInterval.YEAR, UUID.randomUUID(), null);
		List<BillingEntry> othersPayments = receipts.history(other.id());
		long paid = othersPayments.get(1).payment().id();
		long declined = othersPayments.get(0).payment().id();
		assertThat(other.visitor().get("/account/payments/" + paid).status()).isEqualTo(200);

		assertThat(reader.visitor().get("/account/payments/" + paid).status()).isEqualTo(404);
		assertThat(other.visitor().get("/account/payments/" + declined).status()).isEqualTo(404);
		assertThat(reader.visitor().get("/account/payments/999999999").status()).isEqualTo(404);
		assertThat(reader.visitor().get("/account/payments/not-a-number").status()).isEqualTo(400);
	}

	private PaymentRecord payment(String description) {
		return receipts.history(reader.id())
			.stream()
			.filter(entry -> entry.description().equals(description))
			.map(BillingEntry::payment)
			.findFirst()
			.orElseThrow(
					() -> new AssertionError("no payment for " + description + " in " + receipts.history(reader.id())));
	}

	private void refund(long paymentId, long amount) {
		assertThat(refunds.refund(1, paymentId, amount, "Test", UUID.randomUUID().toString()))
			.isInstanceOf(RefundOutcome.Refunded.class);
	}

}
