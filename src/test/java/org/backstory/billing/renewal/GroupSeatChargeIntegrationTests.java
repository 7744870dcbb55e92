package org.backstory.billing.renewal;

import java.util.Map;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.group.GroupFixtures;
import org.backstory.billing.group.GroupFixtures.Signed;
import org.backstory.billing.payment.PaymentGateway;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seats added to a group mid-period, over HTTP: the manager sees the pro-rata price
 * before confirming, the seats count at once, the renewal run charges the pending amount
 * exactly once (also when a run dies half-way and the next one repeats it), a declined
 * charge leaves the seats and is retried, and the next renewal charges every seat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupSeatChargeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PlanAdministration administration;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RenewalRun run;

	@Autowired
	SeatChargeSteps seatSteps;

	@Autowired
	PaymentGateway gateway;

	/** A $5 a month group plan: 3 seats included, each further seat $4 a month. */
	private Plan plan;

	private GroupFixtures fixtures;

	@BeforeEach
	void groupPlan() {
		plan = GroupFixtures.groupPlan(catalog, administration, "paid");
		fixtures = new GroupFixtures(port, members, jdbc);
	}

	@Test
	void theConfirmationShowsTheProRataPriceAndTheSeatsCountAtOnce() {
		Signed manager = managerTwentyDaysBeforeTheEndOfAThirtyDayPeriod(SandboxCards.SUCCEEDS);

		Document quote = manager.visitor().get("/account/group/seats?add=2").document();

		assertThat(quote.select(".seat-charge").text()).isEqualTo("$5.33");
		assertThat(quote.select(".seat-share").text()).startsWith("2 × $4.00 × 20 of 30 days left in this period");
		assertThat(quote.select(".seat-price-after").text()).isEqualTo("$13.00 per month for 5 seats");
		Visitor.Page added = addSeats(manager.visitor(), 2);

		assertThat(added.status()).isEqualTo(303);
		Document page = manager.visitor().get("/account/group").document();
		assertThat(page.select("p.notice").text())
			.isEqualTo("2 seats added: you can invite readers to them now. $5.33 for the rest of this period will be "
					+ "charged to your card shortly.");
		assertThat(page.select(".seats-used").text()).isEqualTo("1 of 5");
		assertThat(page.select(".group-bill").text()).startsWith("$13.00 per month for 5 seats");
		assertThat(page.select(".seat-charge-pending").text()).isEqualTo("$5.33");
		for (int i = 0; i < 4; i++) {
			fixtures.invite(manager.visitor(), MemberFixtures.reader(members, "seat" + i));
		}
		assertThat(manager.visitor().get("/account/group").document().select(".seats-used").text()).isEqualTo("5 of 5");
	}

	@Test
	void aSecondSubmitOfTheConfirmationAddsNothingAndAChangedPriceIsShownAgainUnconfirmed() {
		Signed manager = managerTwentyDaysBeforeTheEndOfAThirtyDayPeriod(SandboxCards.SUCCEEDS);
		Document quote = manager.visitor().get("/account/group/seats?add=1").document();
		String attempt = quote.select("input[name=attempt]").val();
		String csrf = quote.select("input[name=_csrf]").val();
		Map<String, String> form = Map.of("_csrf", csrf, "add", "1", "amount", "266", "attempt", attempt);

		assertThat(manager.visitor().post("/account/group/seats", form).status()).isEqualTo(303);
		assertThat(manager.visitor().post("/account/group/seats", form).status()).isEqualTo(303);

		assertThat(seatsOf(manager.id())).isEqualTo(4);
		assertThat(chargeCount(manager.id())).isEqualTo(1);
		Visitor.Page stale = manager.visitor()
			.post("/account/group/seats",
					Map.of("_csrf", csrf, "add", "1", "amount", "1", "attempt", UUID.randomUUID().toString()));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.document().select(".error").text()).startsWith("The price has changed");
		assertThat(stale.document().select(".seat-charge").text()).isEqualTo("$2.66");
		assertThat(seatsOf(manager.id())).isEqualTo(4);
	}

	@Test
	void nonsenseSeatCountsAndAPastDueGroupAreRefusedWithASentence() {
		Signed manager = managerTwentyDaysBeforeTheEndOfAThirtyDayPeriod(SandboxCards.SUCCEEDS);

		Visitor.Page none = manager.visitor().get("/account/group/seats?add=0");
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.document().select(".error").text()).isEqualTo("Enter how many seats to add, from 1 to 1000.");
		assertThat(manager.visitor().get("/account/group/seats?add=many").status()).isEqualTo(400);
		assertThat(manager.visitor().get("/account/group/seats?add=998").status()).isEqualTo(409);
		jdbc.sql("update billing.subscription set status = 'past_due', past_due_since = now() where member_id = :m")
			.param("m", manager.id())
			.update();
		Visitor.Page pastDue = manager.visitor().get("/account/group/seats?add=1");
		assertThat(pastDue.status()).isEqualTo(409);
		assertThat(pastDue.document().select(".error").text())
			.isEqualTo("Your last payment didn't go through: update your card before adding seats.");
		assertThat(new Visitor(port).get("/account/group/seats?add=1").status()).isEqualTo(302);
	}

	@Test
	void theRenewalRunChargesThePendingAmountOnceWithAReceiptAndTheNextRenewalChargesEverySeat() {
		Signed manager = managerTwentyDaysBeforeTheEndOfAThirtyDayPeriod(SandboxCards.SUCCEEDS);
		addSeats(manager.visitor(), 2);

		run.runDue();
		run.runDue();

		assertThat(seatPayments(manager.id())).isEqualTo("533 succeeded");
		assertThat(sandboxCharges(manager.id())).isEqualTo(1);
		assertThat(seatChargeStatuses(manager.id())).isEqualTo("paid");
		assertThat(SentMail.lastTo(jdbc, manager.email()).subject()).startsWith("Your receipt (invoice ");
		long paymentId = jdbc.sql("select id from billing.payment where member_id = :m and purpose = 'seats'")
			.param("m", manager.id())
			.query(Long.class)
			.single();
		Document receipt = manager.visitor().get("/account/payments/" + paymentId).document();
		assertThat(receipt.text()).contains("Seats added to Test group").contains("$5.33");
		assertThat(manager.visitor().get("/account/group").document().select(".seat-charge-pending")).isEmpty();

		jdbc.sql("""
				update billing.subscription set current_period_end = now() - interval '1 minute',
				    due_at = now() - interval '1 minute' where member_id = :m
				""").param("m", manager.id()).update();
		run.runDue();

		assertThat(jdbc.sql("""
				select amount from billing.payment where member_id = :m and purpose = 'renewal' and status = 'succeeded'
				""").param("m", manager.id()).query(Long.class).single()).isEqualTo(1300L);
	}

	@Test
	void aRunThatDiesAfterCommittingTheChargeOrBeforeSettlingItIsRepeatedAndChargesOnce() {
		Signed manager = managerTwentyDaysBeforeTheEndOfAThirtyDayPeriod(SandboxCards.SUCCEEDS);
		addSeats(manager.visitor(), 2);

		// The run claims and commits the pending payment, then dies before asking the
		// gateway; once its lease runs out the next run takes it up with the same key.
		seatSteps.claim(gateway.name());
		assertThat(seatPayments(manager.id())).isEqualTo("533 pending");
		expireLease(manager.id());
		run.runDue();

		assertThat(seatPayments(manager.id())).isEqualTo("533 succeeded");
		assertThat(sandboxCharges(manager.id())).isEqualTo(1);

		// A run that died after the gateway charged, before recording it: the repeat asks
		// the gateway again with the same key and gets the first charge back.
		jdbc.sql("""
				update billing.payment set status = 'pending', gateway_charge_id = null, settled_at = null,
				    invoice_number = null
				where member_id = :m and purpose = 'seats'
				""").param("m", manager.id()).update();
		jdbc.sql("""
				update billing.seat_charge set status = 'pending', settled_at = null
				where subscription_id = (select id from billing.subscription where member_id = :m)
				""").param("m", manager.id()).update();
		expireLease(manager.id());
		run.runDue();

		assertThat(seatPayments(manager.id())).isEqualTo("533 succeeded");
		assertThat(sandboxCharges(manager.id())).isEqualTo(1);
		assertThat(seatChargeStatuses(manager.id())).isEqualTo("paid");
	}

	@Test
	void aDeclinedSeatChargeLeavesTheSeatsAndIsRetriedOnTheRenewalSchedule() {
		Signed manager = managerTwentyDaysBeforeTheEndOfAThirtyDayPeriod(SandboxCards.FIRST_CHARGE_ONLY);
		addSeats(manager.visitor(), 1);

		run.runDue();

		assertThat(seatPayments(manager.id())).isEqualTo("266 failed");
		assertThat(seatsOf(manager.id())).isEqualTo(4);
		assertThat(jdbc.sql("""
				select sc.status || ' ' || sc.failed_attempts || ' ' || (sc.due_at > now() + interval '23 hours')
				from billing.seat_charge sc join billing.subscription s on s.id = sc.subscription_id
				where s.member_id = :m
				""").param("m", manager.id()).query(String.class).single()).isEqualTo("pending 1 true");
		assertThat(SentMail.lastTo(jdbc, manager.email()).subject())
			.isEqualTo("Your card was declined for the seats you added");
		assertThat(jdbc.sql("select status from billing.subscription where member_id = :m")
			.param("m", manager.id())
			.query(String.class)
			.single()).isEqualTo("active");
	}

	/**
	 * A manager of 3 seats whose current monthly period began 10 days ago (UTC) and ends
	 * in 20, so a seat costs 20/30 of $4.00.
	 */
	private Signed managerTwentyDaysBeforeTheEndOfAThirtyDayPeriod(String card) {
		Signed manager = fixtures.signedIn("manager");
		assertThat(manager.visitor()
			.submit("/checkout/" + plan.code() + "?seats=3", "/checkout/" + plan.code(),
					Map.of("nameOnCard", "Ada Manager", "cardNumber", card, "expiry", BillingFixtures.expiryField(),
							"cvc", "123"))
			.status()).isEqualTo(303);
		jdbc.sql("""
				update billing.subscription
				set current_period_start = date_trunc('day', now(), 'UTC') - interval '10 days' + interval '12 hours',
				    current_period_end = date_trunc('day', now(), 'UTC') + interval '20 days' + interval '12 hours',
				    due_at = date_trunc('day', now(), 'UTC') + interval '20 days' + interval '12 hours'
				where member_id = :m
				""").param("m", manager.id()).update();
		return manager;
	}

	private static Visitor.Page addSeats(Visitor manager, int seats) {
		return manager.submit("/account/group/seats?add=" + seats, "/account/group/seats", Map.of());
	}

	private void expireLease(long managerId) {
		jdbc.sql("""
				update billing.seat_charge set due_at = now() - interval '1 second'
				where subscription_id = (select id from billing.subscription where member_id = :m)
				""").param("m", managerId).update();
	}

	private int seatsOf(long managerId) {
		return jdbc.sql("select seats from billing.subscription where member_id = :m")
			.param("m", managerId)
			.query(Integer.class)
			.single();
	}

	private long chargeCount(long managerId) {
		return jdbc.sql("""
				select count(*) from billing.seat_charge sc join billing.subscription s on s.id = sc.subscription_id
				where s.member_id = :m
				""").param("m", managerId).query(Long.class).single();
	}

	private String seatChargeStatuses(long managerId) {
		return jdbc.sql("""
				select string_agg(sc.status, ',' order by sc.id) from billing.seat_charge sc
				join billing.subscription s on s.id = sc.subscription_id where s.member_id = :m
				""").param("m", managerId).query(String.class).single();
	}

	/** The manager's seat payments, e.g. {@code 533 succeeded}. */
	private String seatPayments(long managerId) {
		return jdbc.sql("""
				select string_agg(amount || ' ' || status, ', ' order by id) from billing.payment
				where member_id = :m and purpose = 'seats'
				""").param("m", managerId).query(String.class).single();
	}

	private long sandboxCharges(long managerId) {
		return jdbc.sql("""
				select count(*) from billing.sandbox_charge where idempotency_key in
				    (select idempotency_key from billing.payment where member_id = :m and purpose = 'seats')
				""").param("m", managerId).query(Long.class).single();
	}

}
