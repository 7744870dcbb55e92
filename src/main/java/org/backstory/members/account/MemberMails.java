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

	/** The link that confirms a sign-up (or an address not yet verified) and signs in, leading on to {@code next}. */
	void confirmation(Member member, String token, @Nullable String next) {
		mailer.send(Mail.text(member.email(), "Confirm your email address", """
				Hello %s,

				Open this link to confirm that this is your email address and to sign in:

				%s

				It works once, within 24 hours. If you did not sign up, ignore this mail.
				""".formatted(member.name(), site.link(withNext("/verify?token=" + token, next)))));
	}

	void signInLink(Member member, String token, @Nullable String next) {
		mailer.send(Mail.text(member.email(), "Your sign-in link", """
				Hello %s,

				Open this link to sign in:

				%s

				It works once, within 15 minutes. If you did not ask to sign in, ignore this mail.
				""".formatted(member.name(), site.link(withNext("/login/link?token=" + token, next)))));
	}

	/**
	 * What someone signing up with an address that has an account gets instead of a confirmation: a sign-in
	 * link, so the sign-up page can answer the same whether or not the address has an account.
	 */
	void signUpWithExistingAccount(Member member, String token, @Nullable String next) {
		mailer.send(Mail.text(member.email(), "Your sign-in link", """
				Hello %s,

				Someone, maybe you, tried to sign up with this address. You already have an account, so nothing
				has changed. Open this link to sign in:

				%s

				It works once, within 15 minutes. If it was not you, ignore this mail.
				""".formatted(member.name(), site.link(withNext("/login/link?token=" + token, next)))));
	}

	/** The path with {@code next} added when it is a local path. */
	private static String withNext(String path, @Nullable String next) {
		String target = SafeRedirect.localPathOr(next, "");
		return target.isEmpty() ? path : path + "&next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
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
