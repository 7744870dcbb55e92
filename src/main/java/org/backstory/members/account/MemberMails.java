package org.backstory.members.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.backstory.email.Mail;
import org.backstory.email.Mailer;
import org.backstory.members.MemberRole;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The mails the members module sends: each carries one one-time link. */
@Component
class MemberMails {

	private final Mailer mailer;

	private final BackstoryProperties site;

	MemberMails(Mailer mailer, BackstoryProperties site) {
		this.mailer = mailer;
		this.site = site;
	}

	void verification(Member member, String token) {
		String link = site.link("/verify?token=" + token);
		mailer.send(Mail.text(member.email(), "Confirm your email address", """
				Hello %s,

				Please confirm that this is your email address by opening this link:

				%s

				The link works for 7 days. If you did not create an account, ignore this mail.
				""".formatted(member.name(), link)));
	}

	void signInLink(Member member, String token, @Nullable String next) {
		String path = "/login/link?token=" + token;
		String target = SafeRedirect.localPathOr(next, "");
		if (!target.isEmpty()) {
			path += "&next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
		}
		mailer.send(Mail.text(member.email(), "Your sign-in link", """
				Hello %s,

				Open this link to sign in:

				%s

				It works once, within 15 minutes. If you did not ask to sign in, ignore this mail.
				""".formatted(member.name(), site.link(path))));
	}

	void staffInvite(StaffInvite invite, String inviterName, String token) {
		mailer.send(Mail.text(invite.email(), "You're invited to join the staff", """
				Hello,

				%s has invited you to join the staff of %s as %s.

				Open this link to accept:

				%s

				It works once, within 7 days. If you have an account with this address, you sign in with it to accept;
				if not, you choose a name and a password. If you were not expecting this, ignore this mail.
				""".formatted(inviterName, site.baseUrl().getHost(), roleName(invite.role()),
				site.link("/staff/invite?token=" + token))));
	}

	private static String roleName(MemberRole role) {
		String name = role.name().toLowerCase(Locale.ROOT);
		return (name.startsWith("a") || name.startsWith("e") ? "an " : "a ") + name;
	}

	void passwordReset(Member member, String token) {
		mailer.send(Mail.text(member.email(), "Reset your password", """
				Hello %s,

				Open this link to choose a new password:

				%s

				It works once, within an hour. If you did not ask for this, ignore this mail: your password
				stays as it is.
				""".formatted(member.name(), site.link("/password/reset?token=" + token))));
	}

}
