package org.backstory.billing.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.PaymentRecord;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.Receipts;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.billing.web.Readers.Reader;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's billing page for a member: history, refunds and cancelling now, over real
 * HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffBillingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	SubscriptionChanges changes;

	@Autowired
	Receipts receipts;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	private Reader owner;

	private Reader reader;

	@BeforeEach
	void setUp() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		owner = Readers.signedIn(port, directory, MemberRole.OWNER);
		reader = Readers.signedIn(port, directory, MemberRole.MEMBER);
	}

	@Test
	void theOwnerSeesTheMembersSubscriptionHistoryAndPayments() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);
		changes.cancel(reader.id());

		Document page = owner.visitor().get(memberPage()).document();

		assertThat(page.select("h1").text()).isEqualTo(reader.member().name());
		assertThat(page.select(".staff-status").text()).isEqualTo("Canceled");
		assertThat(page.select(".staff-subscription .card-on-file").text()).startsWith("Visa ending in 4242");
		assertThat(page.select("tr.event").eachText()).hasSize(3)
			.satisfies(events -> assertThat(events.get(0))
				.contains("active → canceled canceled by member member:" + reader.id()))
			.satisfies(events -> assertThat(events.get(1))
				.contains("incomplete → active first payment member:" + reader.id() + " $5.00"));
		assertThat(page.select("tr.payment").eachText()).singleElement()
			.asString()
			.contains(plan.name() + ", monthly $5.00 Paid");
		assertThat(page.select("tr.payment form.refund-form input[name=amount]").val()).isEqualTo("5.00");
		assertThat(page.select("form.staff-cancel input[name=refundUnused]")).hasSize(1);
	}

	@Test
	void theOwnerFindsAMemberByAddress() {
		Visitor.Page found = owner.visitor().get("/admin/billing?email=" + reader.member().email().toUpperCase());
		assertThat(found.status()).isEqualTo(303);
		assertThat(found.header("Location")).endsWith(memberPage());

		Visitor.Page missing = owner.visitor().get("/admin/billing?email=nobody-here@example.test");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.document().select(".error").text()).isEqualTo("No member has that address.");
		assertThat(owner.visitor().get("/admin").document().select("ul.admin-links a[href=/admin/billing]").text())
			.isEqualTo("Billing");
	}

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = { "EDITOR", "AUTHOR", "MEMBER" })
	void onlyTheOwnerMayOpenBillingPages(MemberRole role) {
		Reader other = Readers.signedIn(port, directory, role);

		assertThat(other.visitor().get("/admin/billing").status()).isEqualTo(403);
		assertThat(other.visitor().get(memberPage()).status()).isEqualTo(403);
		if (role.staff()) {
			assertThat(other.visitor().get("/admin").document().select("a[href=/admin/billing]")).isEmpty();
		}
	}

	@Test
	void anEditorCannotRefund() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);
		Map<String, String> form = refundForm(payment().id());
		Reader editor = Readers.signedIn(port, directory, MemberRole.EDITOR);
		Map<String, String> withEditorsToken = new LinkedHashMap<>(form);
		withEditorsToken
			.putAll(hidden(editor.visitor().get("/account/cancel").document().selectFirst("form[method=post]")));

		Visitor.Page answer = editor.visitor().post(refundAction(payment().id()), withEditorsToken);

		assertThat(answer.status()).isEqualTo(403);
		assertThat(payment().refundedAmount()).isZero();
	}

	@Test
	void aFullRefundGivesEverythingBackAndASecondSubmitRefundsNothingMore() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);
		long paymentId = payment().id();
		Map<String, String> form = refundForm(paymentId);
		form.put("reason", "Charged by mistake");

		Visitor.Page first = owner.visitor().post(refundAction(paymentId), form);
		Visitor.Page second = owner.visitor().post(refundAction(paymentId), form);

		assertThat(first.status()).isEqualTo(303);
		assertThat(second.status()).isEqualTo(303);
		assertThat(owner.visitor().get(memberPage()).document().select(".notice").text())
			.isEqualTo("Refunded $5.00 of payment " + paymentId + ".");
		assertThat(payment().refundedAmount()).isEqualTo(500);
		assertThat(sandboxRefunds(paymentId)).isEqualTo(1);
		assertThat(jdbc.sql("select reason || ' by ' || requested_by from billing.refund where payment_id = :p")
			.param("p", paymentId)
			.query(String.class)
			.single()).isEqualTo("Charged by mistake by staff:" + owner.id());
		assertThat(reader.visitor().get("/account/billing").document().select("tr.payment").text())
			.contains("Refunded $5.00");
	}

	@Test
	void aPartialRefundLeavesTheRestAndMoreThanIsLeftIsRefused() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);
		long paymentId = payment().id();
		Map<String, String> partial = refundForm(paymentId);
		partial.put("amount", "2.00");
		assertThat(owner.visitor().post(refundAction(paymentId), partial).status()).isEqualTo(303);
		assertThat(owner.visitor().get(memberPage()).document().select("tr.payment input[name=amount]").val())
			.isEqualTo("3.00");

		Map<String, String> tooMuch = refundForm(paymentId);
		tooMuch.put("amount", "3.01");
		Visitor.Page refused = owner.visitor().post(refundAction(paymentId), tooMuch);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select("tr.payment .field-error").text())
			.isEqualTo("A refund must be more than nothing and at most $3.00.");
		assertThat(refused.document().select("tr.payment input[name=amount]").val()).isEqualTo("3.01");
		assertThat(payment().refundedAmount()).isEqualTo(200);
		assertThat(sandboxRefunds(paymentId)).isEqualTo(1);
	}

	@Test
	void anAmountThatIsNotMoneyIsExplainedAndRefundsNothing() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);
		long paymentId = payment().id();
		for (String amount : List.of("abc", "-1", "1.234", "0")) {
			Map<String, String> form = refundForm(paymentId);
			form.put("amount", amount);

			Visitor.Page answer = owner.visitor().post(refundAction(paymentId), form);

			assertThat(answer.status()).as(amount).isEqualTo(422);
			assertThat(answer.document().select("tr.payment .field-error").text()).as(amount).isNotEmpty();
		}
		assertThat(payment().refundedAmount()).isZero();
	}

	@Test
	void anotherMembersPaymentAndAnUnknownMemberAreNotFound() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);
		Reader other = Readers.signedIn(port, directory, MemberRole.MEMBER);
		Map<String, String> form = refundForm(payment().id());

		assertThat(owner.visitor()
			.post("/admin/billing/members/" + other.id() + "/payments/" + payment().id() + "/refund", form)
			.status()).isEqualTo(404);
		assertThat(owner.visitor().get("/admin/billing/members/999999999999").status()).isEqualTo(404);
		assertThat(payment().refundedAmount()).isZero();
	}

	@Test
	void cancelNowEndsTheSubscriptionAndRefundsTheUnusedPartWhenAsked() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);

		Visitor.Page answer = owner.visitor()
			.submit(memberPage(), "/admin/billing/members/" + reader.id() + "/cancel", Map.of("refundUnused", "true"));

		assertThat(answer.status()).isEqualTo(303);
		Document page = owner.visitor().get(memberPage()).document();
		assertThat(page.select(".notice").text()).startsWith("The subscription has ended. Refunded $")
			.endsWith(" for the unused part.");
		assertThat(subscriptions.currentSubscription(reader.id()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.EXPIRED);
		assertThat(payment().refundedAmount()).isBetween(490L, 500L);
		assertThat(page.select("tr.event").first().text())
			.contains("active → expired canceled by staff staff:" + owner.id());
		assertThat(page.select("form.staff-cancel")).isEmpty();
	}

	@Test
	void cancelNowWithoutRefundKeepsThePaymentAndASecondCancelIsRefused() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);
		Map<String, String> form = hidden(
				owner.visitor().get(memberPage()).document().selectFirst("form.staff-cancel"));

		assertThat(owner.visitor().post("/admin/billing/members/" + reader.id() + "/cancel", form).status())
			.isEqualTo(303);
		Visitor.Page again = owner.visitor().post("/admin/billing/members/" + reader.id() + "/cancel", form);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.document().select(".staff-billing > .error").text())
			.isEqualTo("This member has no subscription to end.");
		assertThat(payment().refundedAmount()).isZero();
		assertThat(subscriptions.currentSubscription(reader.id()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.EXPIRED);
	}

	@Test
	void theOwnerGrantsComplimentaryAccessNamedAsStaffInTheLog() {
		Map<String, String> form = hidden(owner.visitor().get(memberPage()).document().selectFirst("form.staff-comp"));
		Map<String, String> badDate = new HashMap<>(form);
		badDate.putAll(Map.of("tier", plan.tier(), "until", "next tuesday"));
		Visitor.Page refused = owner.visitor().post("/admin/billing/members/" + reader.id() + "/comp", badDate);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".staff-billing > .error").text())
			.isEqualTo("Enter the end date as YYYY-MM-DD, or leave it empty for no end.");
		assertThat(subscriptions.currentSubscription(reader.id())).isEmpty();

		Map<String, String> good = new HashMap<>(form);
		good.putAll(Map.of("tier", plan.tier(), "until", "2099-12-31"));
		assertThat(owner.visitor().post("/admin/billing/members/" + reader.id() + "/comp", good).status())
			.isEqualTo(303);

		SubscriptionSummary comp = subscriptions.currentSubscription(reader.id()).orElseThrow();
		assertThat(comp.comped()).isTrue();
		assertThat(comp.currentPeriodEnd()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
		Document page = owner.visitor().get(memberPage()).document();
		assertThat(page.select(".notice").text())
			.isEqualTo("Complimentary access to " + plan.tier() + " through 31 December 2099.");
		assertThat(page.select(".staff-subscription dd").eachText()).contains("Access through 31 December 2099");
		assertThat(reader.visitor().get("/account").document().text()).contains("Access through 31 December 2099")
			.doesNotContain("1 January 2100");
		assertThat(page.select("tr.event").first().text()).contains("comp granted staff:" + owner.id());
	}

	private String memberPage() {
		return "/admin/billing/members/" + reader.id();
	}

	private String refundAction(long paymentId) {
		return "/admin/billing/members/" + reader.id() + "/payments/" + paymentId + "/refund";
	}

	/**
	 * The refund form of the payment as the owner's page offers it: hidden fields and the
	 * typed ones.
	 */
	private Map<String, String> refundForm(long paymentId) {
		Element form = owner.visitor()
			.get(memberPage())
			.document()
			.selectFirst("form[action=" + refundAction(paymentId) + "]");
		assertThat(form).isNotNull();
		Map<String, String> fields = hidden(form);
		form.select("input:not([type=hidden])").forEach(input -> fields.put(input.attr("name"), input.val()));
		return fields;
	}

	private static Map<String, String> hidden(Element form) {
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		return fields;
	}

	private PaymentRecord payment() {
		return receipts.history(reader.id()).get(receipts.history(reader.id()).size() - 1).payment();
	}

	private long sandboxRefunds(long paymentId) {
		return jdbc
			.sql("""
					select count(*) from billing.sandbox_refund r join billing.payment p on p.gateway_charge_id = r.charge_id
					where p.id = :p
					""")
			.param("p", paymentId)
			.query(Long.class)
			.single();
	}

}
