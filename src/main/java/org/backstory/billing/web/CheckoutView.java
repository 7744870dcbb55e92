package org.backstory.billing.web;

import java.util.Map;
import java.util.UUID;

import org.backstory.billing.GroupTerms;
import org.backstory.billing.Money;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.Plan;
import org.backstory.billing.card.CardService;
import org.backstory.billing.checkout.CheckoutQuote;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.checkout.Coupon;
import org.backstory.billing.checkout.CouponGuesses;
import org.backstory.billing.checkout.CouponRefusal;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The checkout page: the price quoted for the member's choice (coupon applied or
 * refused), what is charged when, and the card form or, when the gateway takes cards on
 * its own page, the button that goes there.
 */
@Component
class CheckoutView {

	private final CheckoutService checkouts;

	private final CardService cards;

	private final PlanCatalog plans;

	CheckoutView(CheckoutService checkouts, CardService cards, PlanCatalog plans) {
		this.checkouts = checkouts;
		this.cards = cards;
		this.plans = plans;
	}

	/** Fills the model for the page and names its template. */
	String render(Model model, CsrfToken csrfToken, CheckoutChoice choice, UUID attemptId, @Nullable String message,
			CardForm form, Map<String, String> errors) {
		Plan plan = choice.plan();
		TypedCoupon coupon = choice.coupon();
		String returnTo = SafeRedirect.localPathOr(choice.next(), "");
		CheckoutQuote quote = checkouts
			.quote(choice.member().id(), plan.code(), choice.interval(), coupon.checked(), choice.offer(),
					choice.seats())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such plan"));
		Coupon applied = quote.coupon();
		CouponRefusal refusal = quote.couponRefusal();
		String couponError = coupon.refused() ? CouponGuesses.TOO_MANY
				: refusal == null || choice.offer() != null ? null : refusal.message();
		boolean offerApplies = quote.offer() != null && refusal == null;
		model.addAttribute("page",
				new CheckoutPage(plan.name(), Money.format(quote.price(), plan.currency()), choice.interval().code(),
						"/checkout/" + plan.code(), attemptId.toString(), returnTo.isEmpty() ? null : returnTo, message,
						summary(quote),
						quote.trialEnd() != null ? "Start your free trial"
								: "Pay " + Money.format(quote.firstCharge(), plan.currency()) + " and subscribe",
						applied == null || choice.offer() != null ? null : applied.code(),
						applied == null || choice.offer() != null ? null
								: applied.code() + ": " + OfferTexts.coupon(applied),
						coupon.code(), couponError, choice.articleId(), choice.offer(),
						offerApplies ? OfferTexts.offerOnCheckout(quote) : null,
						choice.offer() != null && refusal != null ? refusal.message() : null, choice.seats(),
						seatTerms(choice)));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("hostedCard", hostedCard());
		return "billing/checkout";
	}

	/**
	 * True when the gateway takes cards on its own page rather than in Backstory's form.
	 */
	boolean hostedCard() {
		return cards.cardEntry() == PaymentGateway.CardEntry.HOSTED_PAGE;
	}

	/**
	 * A group plan's terms, e.g.
	 * {@code 3 seats included, each further seat $4.00 a month.}
	 */
	private @Nullable String seatTerms(CheckoutChoice choice) {
		GroupTerms terms = plans.groupTerms().get(choice.plan().code());
		if (terms == null) {
			return null;
		}
		return terms.includedSeats() + " seats included (yours among them), each further seat "
				+ Money.format(terms.seatPrice(choice.interval()), choice.plan().currency()) + " a "
				+ choice.interval().code() + ".";
	}

	/** What is charged when: today and every period, or nothing until the trial ends. */
	private static String summary(CheckoutQuote quote) {
		Plan plan = quote.plan();
		String interval = quote.interval().code();
		if (quote.trialEnd() == null) {
			return Money.format(quote.price(), plan.currency()) + " per " + interval + ", charged today and then every "
					+ interval + ".";
		}
		return OfferTexts.trial(quote.trialDays(), quote.price(), plan.currency(), interval)
				+ ". Nothing is charged today; your first charge of "
				+ Money.format(quote.firstCharge(), plan.currency()) + " is on " + Pages.date(quote.trialEnd()) + ".";
	}

}
