package org.backstory.billing.gift;

import org.backstory.billing.payment.BillingMails;
import org.backstory.email.Mailer;
import org.backstory.email.SystemMail;
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
		SystemMail mail = SystemMail.to(recipient, from + " has given you a gift subscription")
			.heading("A gift for you")
			.paragraph("Hello,")
			.paragraph(from + " has given you " + months(gift.months()) + " of " + gift.planName() + ".");
		if (!gift.message().isBlank()) {
			mail = mail.paragraph("Their message:").paragraph(gift.message());
		}
		mailer.send(mail.paragraph("Press the button to start it (you can sign in or create an account on the way).")
			.action("Start your gift", site.link("/gift/redeem/" + token))
			.note("The gift does not renew and nothing will ever be charged to you.")
			.withKey("gift-" + gift.id() + "-recipient"));
	}

	private static String months(int months) {
		return months == 1 ? "1 month" : months + " months";
	}

}
