package org.backstory.members.welcome;

import java.time.Clock;

import org.backstory.email.Mail;
import org.backstory.email.Mailer;
import org.backstory.email.SystemMail;
import org.backstory.members.SiteName;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.StaffActions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The welcome texts in force (staff's own, or the default), changing them, and the mail
 * each makes for a member.
 */
@Service
public class WelcomeTexts {

	private final WelcomeRepository repository;

	private final ObjectProvider<SiteName> siteName;

	private final Mailer mailer;

	private final BackstoryProperties site;

	private final StaffActions staffActions;

	private final Clock clock;

	WelcomeTexts(WelcomeRepository repository, ObjectProvider<SiteName> siteName, Mailer mailer,
			BackstoryProperties site, StaffActions staffActions, Clock clock) {
		this.repository = repository;
		this.siteName = siteName;
		this.mailer = mailer;
		this.site = site;
		this.staffActions = staffActions;
		this.clock = clock;
	}

	/** The text the next welcome of this kind will have. */
	@Transactional(readOnly = true)
	public WelcomeText current(WelcomeKind kind) {
		return repository.text(kind).orElseGet(() -> defaultText(kind));
	}

	/** The text used while staff have written none. */
	public WelcomeText defaultText(WelcomeKind kind) {
		SiteName name = siteName.getIfUnique();
		return kind.defaultText(name == null ? site.baseUrl().getHost() : name.siteName());
	}

	/**
	 * Saves {@code text} (which must have no {@link WelcomeText#problems()}) for the next
	 * welcomes, and records the change in the audit log; false when it is the text in
	 * force already.
	 */
	@Transactional
	public boolean change(WelcomeKind kind, WelcomeText text, long actorId) {
		if (!text.problems().isEmpty()) {
			throw new IllegalArgumentException("Refused welcome text: " + text.problems());
		}
		if (text.equals(current(kind))) {
			return false;
		}
		repository.saveText(kind, text, clock.instant());
		staffActions.record(actorId, "settings.changed", "site", "welcome mail (" + kind.code() + ") text");
		return true;
	}

	/** The welcome of this kind with {@code text}, laid out as it would be sent. */
	public Mail preview(WelcomeKind kind, WelcomeText text, String to, String memberName) {
		return mailer.preview(mail(kind, text, to, memberName));
	}

	/** The welcome of this kind, in the words in force, to one member. */
	SystemMail mail(WelcomeKind kind, String to, String memberName) {
		return mail(kind, current(kind), to, memberName);
	}

	private SystemMail mail(WelcomeKind kind, WelcomeText text, String to, String memberName) {
		SystemMail mail = SystemMail.to(to, text.subject())
			.heading(text.subject())
			.paragraph("Hello " + memberName + ",");
		for (String paragraph : text.paragraphs()) {
			mail = mail.paragraph(paragraph);
		}
		return mail.action(kind.actionLabel(), site.link(kind.actionPath()));
	}

}
