package org.backstory.members.welcome;

import java.time.Clock;

import org.backstory.email.Mailer;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a welcome at most once per member and kind: a row claimed in the caller's
 * transaction guards it, so an event handled twice, a retry or a restart sends nothing
 * more, and a rolled-back transaction sends nothing and claims nothing.
 */
@Component
public class Welcomes {

	private static final Logger log = LoggerFactory.getLogger(Welcomes.class);

	private final WelcomeRepository repository;

	private final WelcomeTexts texts;

	private final MemberDirectory members;

	private final Mailer mailer;

	private final Clock clock;

	Welcomes(WelcomeRepository repository, WelcomeTexts texts, MemberDirectory members, Mailer mailer, Clock clock) {
		this.repository = repository;
		this.texts = texts;
		this.members = members;
		this.mailer = mailer;
		this.clock = clock;
	}

	/** Welcomes a reader (not staff) this way unless they were already. */
	public void welcome(long memberId, WelcomeKind kind) {
		members.profile(memberId)
			.filter(member -> !member.role().staff())
			.filter(member -> repository.claim(memberId, kind, clock.instant()))
			.ifPresent(member -> send(member, kind));
	}

	private void send(MemberProfile member, WelcomeKind kind) {
		mailer.send(
				texts.mail(kind, member.email(), member.name()).withKey("welcome-" + kind.code() + "-" + member.id()));
		log.info("Welcome queued memberId={} kind={}", member.id(), kind.code());
	}

}
