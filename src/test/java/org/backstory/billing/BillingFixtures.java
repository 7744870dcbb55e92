package org.backstory.billing;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.checkout.CouponDuration;
import org.backstory.billing.checkout.NewCoupon;
import org.backstory.billing.payment.CardDetails;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.members.SignedInMember;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Test data for billing. The test database is shared and never reset, so every member id
 * and plan code is new. Billing refers to members by id only, so a member here is just an
 * id nobody else uses.
 */
public final class BillingFixtures {

	private BillingFixtures() {
	}

	/** A member id far above any the members module hands out in tests. */
	public static long newMemberId() {
		return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
	}

	public static SignedInMember newMember() {
		long id = newMemberId();
		return new SignedInMember(id, "reader" + id + "@billing.test", "Reader " + id, MemberRole.MEMBER);
	}

	/** A member who really has an account, for pages that show the member's profile. */
	public static SignedInMember registeredMember(MemberDirectory members) {
		String email = "reader" + newMemberId() + "@billing.test";
		long id = members.createAccount(new NewAccount(email, "Ada Reader", null, MemberRole.MEMBER, true));
		return new SignedInMember(id, email, "Ada Reader", MemberRole.MEMBER);
	}

	/**
	 * A new member with an account who checked out {@code plan} with the sandbox card
	 * {@code cardNumber}.
	 */
	public static SignedInMember subscribedMember(MemberDirectory members, CheckoutService checkouts, Plan plan,
			BillingInterval interval, String cardNumber) {
		SignedInMember member = registeredMember(members);
		CheckoutOutcome outcome = checkouts.checkout(
				new Checkout(member.id(), member.email(), plan.code(), interval, UUID.randomUUID(), card(cardNumber)));
		if (!(outcome instanceof CheckoutOutcome.Subscribed)) {
			throw new IllegalStateException("checkout did not subscribe: " + outcome);
		}
		return member;
	}

	/** Signs the request in as {@code member}, as the login would. */
	public static RequestPostProcessor signedIn(SignedInMember member) {
		return authentication(new UsernamePasswordAuthenticationToken(member, null,
				List.of(new SimpleGrantedAuthority(member.role().authority()))));
	}

	/**
	 * A monthly $5 / yearly $50 plan of tier {@code paid} with a code nobody used. It
	 * sorts after any real plan, since other tests share the database and may pick the
	 * first plan on the subscribe page.
	 */
	public static NewPlan newPlan() {
		return newPlan(1000);
	}

	public static NewPlan newPlan(int displayOrder) {
		return new NewPlan("t-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36), "Test supporter",
				"paid", "For tests", "USD", 500, 5000, displayOrder);
	}

	/**
	 * A $10 a month, $100 a year plan for the {@code patron} tier, shown after
	 * {@link #newPlan()}'s.
	 */
	public static NewPlan newPatronPlan() {
		return new NewPlan("p-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36), "Test patron",
				"patron", "For tests", "USD", 1000, 10000, 1001);
	}

	/**
	 * A $5 a month plan with a free trial, named after its code so it can be told apart
	 * on the subscribe page.
	 */
	public static NewPlan newTrialPlan(int trialDays) {
		NewPlan plan = newPlan();
		return new NewPlan(plan.code(), "Trial " + plan.code(), plan.tier(), plan.description(), plan.currency(),
				plan.monthlyPrice(), plan.yearlyPrice(), plan.displayOrder(), trialDays);
	}

	/** A coupon code nobody used, in upper case as staff tend to write them. */
	public static String newCouponCode() {
		return "C" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36).toUpperCase(Locale.ROOT);
	}

	/** A percentage coupon for any plan, without expiry or limit. */
	public static NewCoupon percentCoupon(int percent, CouponDuration duration, Integer months) {
		return new NewCoupon(newCouponCode(), "Test percent", percent, null, null, duration, months, null, null, null);
	}

	/** An amount-off coupon in USD for any plan, without expiry or limit. */
	public static NewCoupon amountCoupon(long amount, CouponDuration duration, Integer months) {
		return new NewCoupon(newCouponCode(), "Test amount", null, amount, "USD", duration, months, null, null, null);
	}

	/** A card with this number, good for three more years. */
	public static CardDetails card(String number) {
		YearMonth expiry = futureExpiry();
		return new CardDetails(number, expiry.getMonthValue(), expiry.getYear(), "123", "Ada Reader");
	}

	/** Three years from now, as typed into the expiry field: {@code MM/YY}. */
	public static String expiryField() {
		YearMonth expiry = futureExpiry();
		return String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100);
	}

	public static YearMonth futureExpiry() {
		return YearMonth.now(ZoneOffset.UTC).plusYears(3);
	}

}
