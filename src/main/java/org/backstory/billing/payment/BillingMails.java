package org.backstory.billing.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.backstory.billing.Money;
import org.backstory.billing.PaymentRecord;
import org.backstory.email.Mailer;
import org.backstory.email.SystemMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The mail billing sends: receipts, and the dunning notices that tell a member their card
 * needs attention. Each is queued in the caller's transaction with a key, so a step that
 * runs twice mails once.
 */
@Component
public class BillingMails {

	private final Mailer mailer;

	private final MemberDirectory members;

	private final BackstoryProperties site;

	private final PaymentRepository payments;

	BillingMails(Mailer mailer, MemberDirectory members, BackstoryProperties site, PaymentRepository payments) {
		this.mailer = mailer;
		this.members = members;
		this.site = site;
		this.payments = payments;
	}

	static String date(Instant instant) {
		return Dates.readerDate(instant);
	}

	/** The receipt for one successful payment. */
	public void receipt(long paymentId) {
		receipts(List.of(paymentId));
	}

	/**
	 * The receipts for successful payments, each to the member who paid: one lookup for
	 * all of them.
	 */
	public void receipts(Collection<Long> paymentIds) {
		if (paymentIds.isEmpty()) {
			return;
		}
		List<PaymentRepository.PaidBy> paid = payments.succeeded(paymentIds);
		Map<Long, MemberProfile> payers = members
			.profiles(paid.stream().map(PaymentRepository.PaidBy::memberId).toList());
		List<SystemMail> mails = new ArrayList<>(paid.size());
		for (PaymentRepository.PaidBy receipt : paid) {
			MemberProfile payer = payers.get(receipt.memberId());
			PaymentRecord payment = receipt.payment();
			if (payer != null) {
				mails.add(SystemMail.to(payer.email(), "Your receipt (invoice " + payment.invoiceNumber() + ")")
					.heading("Thank you for your payment")
					.paragraph("Thank you for your payment of " + Money.format(payment.amount(), payment.currency())
							+ " on " + date(Objects.requireNonNull(payment.settledAt())) + ".")
					.paragraph("Invoice number: " + payment.invoiceNumber())
					.action("Printable receipt", site.link("/account/payments/" + payment.id()))
					.withKey("receipt-" + payment.id()));
			}
		}
		mailer.queue(mails);
	}

	/**
	 * The first decline of a renewal: the member should update the card before the
	 * retries run out.
	 */
	public void paymentDeclined(long memberId, long subscriptionId, Instant retryAt) {
		send(memberId, "declined-" + subscriptionId + "-" + retryAt.getEpochSecond(),
				"Your card was declined — update your card on file",
				mail -> mail.heading("Your card was declined")
					.paragraph("We tried to renew your subscription, but your card was declined.")
					.paragraph("Update your card on file and we'll try again right away. Otherwise we'll try again on "
							+ date(retryAt) + ".")
					.action("Update your card", site.link("/account/card")));
	}

	/**
	 * A renewal found no card on file (a subscription restored from another site's export
	 * comes without one): nothing was charged; the member is asked to add a card.
	 */
	public void noCardOnFile(long memberId, long subscriptionId, Instant retryAt) {
		send(memberId, "no-card-" + subscriptionId + "-" + retryAt.getEpochSecond(),
				"Add a card to keep your subscription",
				mail -> mail.heading("Add a card to keep your subscription")
					.paragraph("Your subscription is due to renew, but there is no card on file for it here, so "
							+ "nothing was charged.")
					.paragraph("Add a card and we'll renew it right away. Otherwise we'll try again on " + date(retryAt)
							+ ".")
					.action("Add a card", site.link("/account/card")));
	}

	/**
	 * The member's bank wants them to authenticate a renewal charge (3-D Secure): the
	 * link to the page where they confirm it. Not a decline: the subscription goes on
	 * meanwhile.
	 */
	public void authenticationRequired(long memberId, long paymentId, long amount, String currency, Instant lastTryAt) {
		send(memberId, "authenticate-" + paymentId, "Confirm your payment to keep your subscription", mail -> mail
			.heading("Confirm your payment")
			.paragraph("Your bank asks you to confirm the renewal payment of " + Money.format(amount, currency)
					+ " for your subscription. Nothing is wrong with your card: banks ask for this from time "
					+ "to time.")
			.paragraph("Your subscription continues meanwhile. If the payment isn't confirmed by " + date(lastTryAt)
					+ ", we'll try your card once more, and your subscription ends if that " + "fails.")
			.action("Confirm the payment", site.link(confirmationPath(paymentId))));
	}

	/** Where the member confirms a payment their bank held. */
	public static String confirmationPath(long paymentId) {
		return "/account/payments/" + paymentId + "/confirm";
	}

	/** The last retry is next: after it fails, the subscription ends. */
	public void lastRetryComing(long memberId, long subscriptionId, Instant retryAt) {
		send(memberId, "last-retry-" + subscriptionId + "-" + retryAt.getEpochSecond(),
				"Last try: your card was declined — update your card on file",
				mail -> mail.heading("Your card was declined again")
					.paragraph("Your card was declined again. We'll try one last time on " + date(retryAt)
							+ "; if that fails too, your subscription ends.")
					.action("Update your card now", site.link("/account/card")));
	}

	/** The retries ran out and the subscription ended. */
	public void subscriptionEnded(long memberId, long subscriptionId) {
		send(memberId, "ended-" + subscriptionId, "Your subscription has ended",
				mail -> mail.heading("Your subscription has ended")
					.paragraph("We couldn't charge your card, so your subscription has ended.")
					.paragraph("You can subscribe again at any time.")
					.action("Subscribe again", site.link("/subscribe")));
	}

	/** The card on file expires soon. */
	public void cardExpiring(long memberId, StoredCard card) {
		send(memberId, "card-expiring-" + memberId + "-" + card.last4() + "-" + card.expYear() + "-" + card.expMonth(),
				"Your card on file expires soon",
				mail -> mail.heading("Your card expires soon")
					.paragraph("Your %s ending in %s expires at the end of %02d/%d.".formatted(card.brand(),
							card.last4(), card.expMonth(), card.expYear()))
					.paragraph("Update your card on file so your subscription continues.")
					.action("Update your card", site.link("/account/card")));
	}

	/**
	 * A declined charge for seats added to a group mid-period: the seats stay; the charge
	 * is tried again on the renewal retry schedule, or not at all after the last try.
	 */
	public void seatChargeDeclined(long memberId, long seatChargeId, int failedAttempts, @Nullable Instant retryAt) {
		send(memberId, "seats-declined-" + seatChargeId + "-" + failedAttempts,
				"Your card was declined for the seats you added",
				mail -> mail.heading("Your card was declined")
					.paragraph("We tried to charge the seats you added to your group, but your card was declined. "
							+ "The seats stay yours.")
					.paragraph(retryAt == null
							? "We won't try this charge again. Your next renewal charges every seat as usual."
							: "Update your card on file; we'll try again on " + date(retryAt) + ".")
					.action("Update your card", site.link("/account/card")));
	}

	/**
	 * Background work may send thousands at once: queued in bulk, drained after commit.
	 */
	private void send(long memberId, String key, String subject, UnaryOperator<SystemMail> body) {
		members.profile(memberId)
			.map(MemberProfile::email)
			.ifPresent(email -> mailer.queue(List.of(body.apply(SystemMail.to(email, subject)).withKey(key))));
	}

}
