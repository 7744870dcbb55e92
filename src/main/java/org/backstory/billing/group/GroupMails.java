package org.backstory.billing.group;

import org.backstory.email.Mail;
import org.backstory.email.Mailer;
import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;

/** The invitation mail of a group seat, with its link. */
@Component
class GroupMails {

	private final Mailer mailer;

	private final BackstoryProperties site;

	GroupMails(Mailer mailer, BackstoryProperties site) {
		this.mailer = mailer;
		this.site = site;
	}

	void invite(String to, String managerName, String planName, String token) {
		mailer.send(Mail.text(to, managerName + " has invited you to read with their group", """
				Hello,

				%s has given you a seat of their %s group subscription.

				Open this link to take it (you can sign in or create an account on the way):

				%s

				The link works for 30 days. Nothing will ever be charged to you.
				""".formatted(managerName, planName, site.link("/group/join/" + token))));
	}

}
