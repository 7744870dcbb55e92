package org.backstory.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleStatusLine;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing an article with its newsletter send, in one transaction: on the site, on the
 * site and by email, or by email only; now or at a time, when the send starts too.
 * Staff's publishing is audited ({@code article.published} or {@code article.scheduled})
 * in the same transaction.
 */
@Service
public class ArticlePublishing {

	private final ArticleEditor editor;

	private final NewsletterSends sends;

	private final NewsletterRepository newsletters;

	private final StaffActions audit;

	private final Clock clock;

	ArticlePublishing(ArticleEditor editor, NewsletterSends sends, NewsletterRepository newsletters, StaffActions audit,
			Clock clock) {
		this.editor = editor;
		this.sends = sends;
		this.newsletters = newsletters;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Publishes the article as chosen.
	 * @return the send's id, or null when nothing is emailed
	 * @throws InvalidNewsletterException listing every problem with the choice (nothing
	 * is changed)
	 */
	@Transactional
	public @Nullable Long publish(long articleId, PublishChoice choice, @Nullable Long staffId) {
		Instant now = clock.instant();
		List<String> problems = new ArrayList<>();
		ArticleStatusLine article = editor.statusOf(articleId).orElse(null);
		if (article == null) {
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
		editor.publish(articleId, at, choice.mode().onSite());
		if (staffId != null) {
			audit.record(staffId, choice.at() == null ? "article.published" : "article.scheduled",
					"article " + articleId + " \"" + article.title() + "\"",
					choice.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ')
							+ (choice.at() == null ? "" : ", at " + choice.at()));
		}
		if (!choice.mode().emails()) {
			return null;
		}
		return sends.schedule(articleId, choice.newsletterId(), choice.audience(), at, staffId);
	}

}
