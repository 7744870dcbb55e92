package org.backstory.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.ArticleEditor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing an article with its newsletter send, in one transaction: on the site, on the
 * site and by email, or by email only; now or at a time, when the send starts too. The
 * article is published through {@link ArticleDesk#publish}, the one door for staff, so
 * the staff member's permission is checked and the publishing audited
 * ({@code article.published} or {@code article.scheduled}) in the same transaction.
 */
@Service
public class ArticlePublishing {

	private final ArticleEditor editor;

	private final NewsletterSends sends;

	private final NewsletterRepository newsletters;

	private final ArticleDesk desk;

	private final Clock clock;

	ArticlePublishing(ArticleEditor editor, ArticleDesk desk, NewsletterSends sends, NewsletterRepository newsletters,
			Clock clock) {
		this.editor = editor;
		this.sends = sends;
		this.newsletters = newsletters;
		this.desk = desk;
		this.clock = clock;
	}

	/**
	 * Publishes the article as chosen, as this staff member.
	 * @return the send's id, or null when nothing is emailed
	 * @throws InvalidNewsletterException listing every problem with the choice (nothing
	 * is changed)
	 * @throws org.springframework.security.access.AccessDeniedException if this staff
	 * member may not publish the article (nothing is changed)
	 */
	@Transactional
	public @Nullable Long publish(long articleId, PublishChoice choice, SignedInMember staff) {
		Instant now = clock.instant();
		List<String> problems = new ArrayList<>();
		if (editor.statusOf(articleId).isEmpty()) {
			problems.add("There is no article with id " + articleId + ".");
		}
		if (choice.at() != null && !choice.at().isAfter(now)) {
			problems.add("A scheduled time must be in the future.");
		}
		if (choice.mode().emails()
				&& (choice.newsletterId() == null || newsletters.find(choice.newsletterId()).isEmpty())) {
			problems.add("Choose the newsletter to email.");
		}
		if (!problems.isEmpty()) {
			throw new InvalidNewsletterException(problems);
		}
		Instant at = choice.at() != null ? choice.at() : now;
		desk.publish(articleId, at, choice.mode().onSite(), staff,
				choice.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ')
						+ (choice.at() == null ? "" : ", at " + choice.at()));
		if (!choice.mode().emails()) {
			return null;
		}
		return sends.schedule(articleId, choice.newsletterId(), choice.audience(), at, staff.id());
	}

}
