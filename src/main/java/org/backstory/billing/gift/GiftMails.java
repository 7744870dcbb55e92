package org.backstory.billing.gift;

import org.backstory.billing.payment.BillingMails;
import org.backstory.email.Mail;
import org.backstory.email.Mailer;
import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;

/**
 * The recipient's mail of a bought gift, with the redeem link; keyed by the gift, so it
 * is sent once even if the purchase were settled twice. The buyer gets the receipt every
 * payment gets ({@link BillingMails}).
 */
@Component
class GiftMails {

	private final Mailer mailer;

	private final BackstoryProperties site;

	GiftMails(Mailer mailer, BackstoryProperties site) {
		this.mailer = mailer;
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

	private static String months(int months) {
		return months == 1 ? "1 month" : months + " months";
	}

}
