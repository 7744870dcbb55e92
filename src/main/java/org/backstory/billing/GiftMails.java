package org.backstory.billing;

import org.backstory.email.Mail;
import org.backstory.email.Mailer;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;

/**
 * The mails of a bought gift: the redeem link to the recipient, a receipt to the buyer. Each is keyed by
 * the gift, so it is sent once even if the purchase is settled twice.
 */
@Component
class GiftMails {

	private final Mailer mailer;

	private final MemberDirectory members;

	private final BackstoryProperties site;

	GiftMails(Mailer mailer, MemberDirectory members, BackstoryProperties site) {
		this.mailer = mailer;
		this.members = members;
		this.site = site;
	}

	void toRecipient(Gift gift, String recipient, String token) {
		String from = gift.buyerName() == null ? "Someone" : gift.buyerName();
		String note = gift.message().isBlank() ? "" : "\nTheir message:\n\n" + gift.message().strip() + "\n";
		mailer.send(Mail.text(recipient, from + " has given you a gift subscription", """
				Hello,

				%s has given you %s of %s.
				%s
				Open this link to start it (you can sign in or create an account on the way):

				%s

				The gift does not renew and nothing will ever be charged to you.
				""".formatted(from, months(gift.months()), gift.planName(), note, site.link("/gift/redeem/" + token)))
			.withKey("gift-" + gift.id() + "-recipient"));
	}

	void receiptToBuyer(Gift gift, PaymentAttempt payment) {
		if (gift.buyerId() == null) {
			return;
		}
		MemberProfile buyer = members.profile(gift.buyerId()).orElse(null);
		if (buyer == null) {
			return;
		}
		String card = payment.card() == null ? "your card"
				: payment.card().brand() + " ending in " + payment.card().last4();
		mailer.send(Mail.text(buyer.email(), "Receipt for your gift subscription", """
				Hello %s,

				Thank you for your gift of %s of %s to %s. We have sent them a link to start it.

				Charged: %s to %s.

				The gift does not renew.
				""".formatted(buyer.name(), months(gift.months()), gift.planName(), gift.recipientEmail(),
				Money.format(gift.amount(), gift.currency()), card))
			.withKey("gift-" + gift.id() + "-receipt"));
	}

	private static String months(int months) {
		return months == 1 ? "1 month" : months + " months";
	}

}
