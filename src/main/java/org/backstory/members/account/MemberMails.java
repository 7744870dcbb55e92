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

	/**
	 * The link that confirms a sign-up (or an address not yet verified) and signs in,
	 * leading on to {@code next}.
	 */
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
	 * What someone signing up with an address that has an account gets instead of a
	 * confirmation: a sign-in link, so the sign-up page can answer the same whether or
	 * not the address has an account.
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

	void ownerPassword(Member owner, String token) {
		mailer.send(Mail.text(owner.email(), "Choose the owner's password for " + site.baseUrl().getHost(), """
				Hello,

				%s was started with this address as its owner. Open this link to choose your password:

				%s

				It works once, within 24 hours. A restart mails a new one if this one expires unused. If you did not
				expect this, ignore this mail.
				""".formatted(site.baseUrl().getHost(), site.link("/password/reset?token=" + token))));
	}

	void ownerWelcome(Member owner) {
		mailer.send(Mail.text(owner.email(), "You are the owner of " + site.baseUrl().getHost(), """
				Hello %s,

				This address was chosen as the owner's when %s was set up. Sign in at:

				%s

				If you did not set up this publication, tell whoever runs its server.
				""".formatted(owner.name(), site.baseUrl().getHost(), site.link("/login"))));
	}

	void ownershipReceived(Member newOwner, Member previousOwner) {
		mailer.send(Mail.text(newOwner.email(), "You are now the owner of " + site.baseUrl().getHost(), """
				Hello %s,

				%s has made you the owner of %s; they are an administrator now. As the owner you run plans and
				prices, the staff and the audit log at:

				%s
				""".formatted(newOwner.name(), previousOwner.name(), site.baseUrl().getHost(), site.link("/admin"))));
	}

	void emailChangeLink(Member member, String newEmail, String token) {
		mailer.send(Mail.text(newEmail, "Confirm your new email address", """
				Hello %s,

				You asked to use this address for your account at %s. Open this link to confirm:

				%s

				It works once, within 24 hours. Until you confirm, your account keeps its current address. If you did
				not ask for this, ignore this mail.
				""".formatted(member.name(), site.baseUrl().getHost(), site.link("/email/change?token=" + token))));
	}

	void emailInUse(Member member, String newEmail) {
		mailer.send(Mail.text(newEmail, "This address already has an account", """
				Hello,

				Someone signed in to %s as %s asked to use this address for their account. It already has an account
				there, so nothing changed. If that was you, sign in with this address instead.
				""".formatted(site.baseUrl().getHost(), member.name())));
	}

	void emailChanged(String oldEmail, Member member) {
		mailer.send(Mail.text(oldEmail, "Your email address was changed", """
				Hello %s,

				The address of your account at %s is now %s, and this address no longer signs in to it. Every
				session of the account was signed out.

				If you did not make this change, contact the publication at once: someone who knew your password
				made it.
				""".formatted(member.name(), site.baseUrl().getHost(), member.email())));
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
