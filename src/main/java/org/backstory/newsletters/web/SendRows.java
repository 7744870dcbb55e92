package org.backstory.newsletters.web;

import java.util.Locale;

import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterSends;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.Send;
import org.backstory.newsletters.SendStatus;
import org.backstory.newsletters.SendTally;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.StorylineUsage;
import org.backstory.publishing.StorylineTaxonomy;
import org.backstory.shared.Dates;
import org.springframework.stereotype.Component;

/** Builds {@link SendRow}s: a send with its article, newsletter and tally. */
@Component
class SendRows {

	private final NewsletterSends sends;

	private final Newsletters newsletters;

	private final ArticleEditor articles;

	private final StorylineTaxonomy storylines;

	SendRows(NewsletterSends sends, Newsletters newsletters, ArticleEditor articles, StorylineTaxonomy storylines) {
		this.sends = sends;
		this.newsletters = newsletters;
		this.articles = articles;
		this.storylines = storylines;
	}

	SendRow row(Send send) {
		SendTally tally = sends.tally(send.id());
		String title = articles.statusOf(send.articleId()).map(a -> a.title()).orElse("(deleted article)");
		Long storylineId = send.storylineId();
		String newsletter = storylineId != null
				? "Followers of "
						+ storylines.storyline(storylineId).map(StorylineUsage::title).orElse("(merged storyline)")
				: newsletters.find(send.newsletterId()).map(Newsletter::name).orElse("(deleted newsletter)");
		String when = switch (send.status()) {
			case SCHEDULED -> "starts " + Dates.sortableMinute(send.scheduledAt());
			case SENDING -> "started " + Dates.sortableMinute(send.startedAt());
			case SENT, CANCELED -> "finished " + Dates.sortableMinute(send.finishedAt());
		};
		int percent = tally.total() == 0 ? (send.status() == SendStatus.SENT ? 100 : 0)
				: tally.done() * 100 / tally.total();
		return new SendRow(send.id(), title, newsletter, send.audience().name().toLowerCase(Locale.ROOT),
				send.status().name().toLowerCase(Locale.ROOT), when, tally.sent(), tally.done(), tally.total(),
				tally.failed(), tally.bounced(), tally.suppressed(), percent, send.detail());
	}

}
