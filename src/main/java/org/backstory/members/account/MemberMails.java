package org.backstory.members.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.backstory.email.Mailer;
import org.backstory.email.SystemMail;
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
		mailer.send(SystemMail.to(member.email(), "Confirm your email address")
			.heading("Confirm your email address")
			.paragraph("Hello " + member.name() + ",")
			.paragraph("Press the button to confirm that this is your email address and to sign in.")
			.action("Confirm and sign in", site.link(withNext("/verify?token=" + token, next)))
			.note("It works once, within 24 hours. If you did not sign up, ignore this mail."));
	}

	void signInLink(Member member, String token, @Nullable String next) {
		mailer.send(SystemMail.to(member.email(), "Your sign-in link")
			.heading("Sign in")
			.paragraph("Hello " + member.name() + ",")
			.paragraph("Press the button to sign in.")
			.action("Sign in", site.link(withNext("/login/link?token=" + token, next)))
			.note("It works once, within 15 minutes. If you did not ask to sign in, ignore this mail."));
	}

	/**
	 * What someone signing up with an address that has an account gets instead of a
	 * confirmation: a sign-in link, so the sign-up page can answer the same whether or
	 * not the address has an account.
	 */
	void signUpWithExistingAccount(Member member, String token, @Nullable String next) {
		mailer.send(SystemMail.to(member.email(), "Your sign-in link")
			.heading("You already have an account")
			.paragraph("Hello " + member.name() + ",")
			.paragraph("Someone, maybe you, tried to sign up with this address. You already have an account, "
					+ "so nothing has changed. Press the button to sign in.")
			.action("Sign in", site.link(withNext("/login/link?token=" + token, next)))
			.note("It works once, within 15 minutes. If it was not you, ignore this mail."));
	}

	/** The path with {@code next} added when it is a local path. */
	private static String withNext(String path, @Nullable String next) {
		String target = SafeRedirect.localPathOr(next, "");
		return target.isEmpty() ? path : path + "&next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
	}

	void staffInvite(StaffInvite invite, String inviterName, String token) {
		mailer.send(SystemMail.to(invite.email(), "You're invited to join the staff")
			.heading("Join the staff")
			.paragraph("Hello,")
			.paragraph(inviterName + " has invited you to join the staff of " + site.baseUrl().getHost() + " as "
					+ roleName(invite.role()) + ".")
			.action("Accept the invitation", site.link("/staff/invite?token=" + token))
			.note("It works once, within 7 days. If you have an account with this address, you sign in with it to "
					+ "accept; if not, you choose a name and a password. If you were not expecting this, ignore this "
					+ "mail."));
	}

	private static String roleName(MemberRole role) {
		String name = role.name().toLowerCase(Locale.ROOT);
		return (name.startsWith("a") || name.startsWith("e") ? "an " : "a ") + name;
	}

	void ownerPassword(Member owner, String token) {
		String host = site.baseUrl().getHost();
		mailer.send(SystemMail.to(owner.email(), "Choose the owner's password for " + host)
			.heading("Choose your password")
			.paragraph("Hello,")
			.paragraph(host + " was started with this address as its owner. Press the button to choose your password.")
			.action("Choose a password", site.link("/password/reset?token=" + token))
			.note("It works once, within 24 hours. A restart mails a new one if this one expires unused. If you did "
					+ "not expect this, ignore this mail."));
	}

	void ownerWelcome(Member owner) {
		String host = site.baseUrl().getHost();
		mailer.send(SystemMail.to(owner.email(), "You are the owner of " + host)
			.heading("You are the owner")
			.paragraph("Hello " + owner.name() + ",")
			.paragraph("This address was chosen as the owner's when " + host + " was set up.")
			.action("Sign in", site.link("/login"))
			.note("If you did not set up this publication, tell whoever runs its server."));
	}

	void ownershipReceived(Member newOwner, Member previousOwner) {
		String host = site.baseUrl().getHost();
		mailer.send(SystemMail.to(newOwner.email(), "You are now the owner of " + host)
			.heading("You are now the owner")
			.paragraph("Hello " + newOwner.name() + ",")
			.paragraph(previousOwner.name() + " has made you the owner of " + host + "; they are an administrator "
					+ "now. As the owner you run plans and prices, the staff and the audit log.")
			.action("Open the admin", site.link("/admin")));
	}

	void emailChangeLink(Member member, String newEmail, String token) {
		mailer.send(SystemMail.to(newEmail, "Confirm your new email address")
			.heading("Confirm your new address")
			.paragraph("Hello " + member.name() + ",")
			.paragraph("You asked to use this address for your account at " + site.baseUrl().getHost()
					+ ". Press the button to confirm.")
			.action("Confirm this address", site.link("/email/change?token=" + token))
			.note("It works once, within 24 hours. Until you confirm, your account keeps its current address. If you "
					+ "did not ask for this, ignore this mail."));
	}

	void emailInUse(Member member, String newEmail) {
		mailer.send(SystemMail.to(newEmail, "This address already has an account")
			.heading("This address already has an account")
			.paragraph("Hello,")
			.paragraph("Someone signed in to " + site.baseUrl().getHost() + " as " + member.name()
					+ " asked to use this address for their account. It already has an account there, so nothing "
					+ "changed. If that was you, sign in with this address instead."));
	}

	void emailChanged(String oldEmail, Member member) {
		mailer.send(SystemMail.to(oldEmail, "Your email address was changed")
			.heading("Your email address was changed")
			.paragraph("Hello " + member.name() + ",")
			.paragraph("The address of your account at " + site.baseUrl().getHost() + " is now " + member.email()
					+ ", and this address no longer signs in to it. Every session of the account was signed out.")
			.paragraph("If you did not make this change, contact the publication at once: someone who knew your "
					+ "password made it."));
	}

	void passwordReset(Member member, String token) {
		mailer.send(SystemMail.to(member.email(), "Reset your password")
			.heading("Choose a new password")
			.paragraph("Hello " + member.name() + ",")
			.paragraph("Press the button to choose a new password.")
			.action("Choose a new password", site.link("/password/reset?token=" + token))
			.note("It works once, within an hour. If you did not ask for this, ignore this mail: your password stays "
					+ "as it is."));
	}

}
