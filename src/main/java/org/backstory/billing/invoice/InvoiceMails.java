package org.backstory.billing.invoice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backstory.billing.Money;
import org.backstory.email.Mailer;
import org.backstory.email.SystemMail;
import org.backstory.members.MemberDirectory;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.Dates;
import org.springframework.stereotype.Component;

/**
 * The mail that goes with a new invoice: to the licence's manager, with the link to the
 * printable invoice, and to the institution's billing contact when that is someone else.
 * Queued in the issuing transaction, keyed by the invoice, so it goes once.
 */
@Component
class InvoiceMails {

	private final Mailer mailer;

	private final BackstoryProperties site;

	private final MemberDirectory members;

	InvoiceMails(Mailer mailer, BackstoryProperties site, MemberDirectory members) {
		this.mailer = mailer;
		this.site = site;
		this.members = members;
	}

	void issued(GroupInvoice invoice, String managerEmail, String paymentText) {
		List<SystemMail> mails = new ArrayList<>(2);
		mails.add(mail(invoice, managerEmail, paymentText, "manager").action("View and print the invoice",
				site.link("/account/group/invoices/" + invoice.id())));
		if (!invoice.contactEmail().equalsIgnoreCase(managerEmail)) {
			mails.add(mail(invoice, invoice.contactEmail(), paymentText, "contact"));
		}
		mailer.queue(mails);
	}

	/**
	 * The invoice fell due unpaid: the manager and the billing contact learn until when
	 * the readers keep reading. Keyed by the due date too, so an invoice given more time
	 * that falls due again reminds again.
	 */
	void overdue(GroupInvoice invoice, Instant accessUntil, String paymentText) {
		members.profile(invoice.managerId()).ifPresent(manager -> {
			List<SystemMail> mails = new ArrayList<>(2);
			mails.add(reminder(invoice, manager.email(), accessUntil, paymentText, "manager")
				.action("View and print the invoice", site.link("/account/group/invoices/" + invoice.id())));
			if (!invoice.contactEmail().equalsIgnoreCase(manager.email())) {
				mails.add(reminder(invoice, invoice.contactEmail(), accessUntil, paymentText, "contact"));
			}
			mailer.queue(mails);
		});
	}

	private static SystemMail reminder(GroupInvoice invoice, String to, Instant accessUntil, String paymentText,
			String who) {
		return SystemMail.to(to, "Invoice " + invoice.number() + " is overdue")
			.heading("Invoice " + invoice.number() + " is overdue")
			.paragraph("Invoice " + invoice.number() + " for " + invoice.institution() + " ("
					+ Money.format(invoice.amount(), invoice.currency()) + ") was due on "
					+ Dates.readerDate(invoice.dueAt()) + " and has not been paid yet.")
			.paragraph("The group's readers keep reading until " + Dates.readerDate(accessUntil)
					+ ". If the invoice is still unpaid then, the licence ends.")
			.paragraph(paymentText)
			.withKey("group-invoice-" + invoice.id() + "-overdue-" + invoice.dueAt().getEpochSecond() + "-" + who);
	}

	/** The licence ended because its invoice went unpaid through the grace period. */
	void unpaid(InvoiceLicence licence) {
		members.profile(licence.managerId())
			.ifPresent(manager -> mailer.send(SystemMail.to(manager.email(), "Your group licence has ended")
				.heading("Your group licence has ended")
				.paragraph("The group licence of " + licence.institution() + " (" + licence.planName()
						+ ") has ended because its invoice was not paid, and its readers no longer have access.")
				.paragraph("Reply to this mail or contact us to renew it.")
				.withKey("licence-unpaid-" + licence.subscriptionId())));
	}

	private static SystemMail mail(GroupInvoice invoice, String to, String paymentText, String who) {
		return SystemMail.to(to, "Invoice " + invoice.number() + " for " + invoice.institution())
			.heading("Invoice " + invoice.number())
			.paragraph(invoice.institution() + ": " + invoice.planName() + " for " + invoice.seats() + " seats, "
					+ Dates.readerDate(invoice.periodStart()) + " to " + Dates.readerLastDay(invoice.periodEnd()) + ".")
			.paragraph("Amount due: " + Money.format(invoice.amount(), invoice.currency()) + " by "
					+ Dates.readerDate(invoice.dueAt()) + ".")
			.paragraph(paymentText)
			.withKey("group-invoice-" + invoice.id() + "-" + who.toLowerCase(Locale.ROOT));
	}

}
