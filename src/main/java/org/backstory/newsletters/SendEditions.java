package org.backstory.newsletters;

import java.util.Set;

import org.backstory.access.ArticleGate;
import org.backstory.access.Edition;
import org.backstory.publishing.Article;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders and stores a starting send's editions, once each. When the owner has turned
 * tracking on, the editions get the open pixel and numbered click placeholders
 * ({@link TrackedLinks}) and the send's links are stored; otherwise they carry neither.
 */
@Component
class SendEditions {

	private final EditionRenderer renderer;

	private final ArticleGate gate;

	private final PublicationService publication;

	private final SendRepository sends;

	private final AnalyticsSettingRepository settings;

	private final EngagementRepository engagement;

	SendEditions(EditionRenderer renderer, ArticleGate gate, PublicationService publication, SendRepository sends,
			AnalyticsSettingRepository settings, EngagementRepository engagement) {
		this.renderer = renderer;
		this.gate = gate;
		this.publication = publication;
		this.sends = sends;
		this.settings = settings;
		this.engagement = engagement;
	}

	/**
	 * Stores the editions of the send, in its transaction.
	 * @return whether the send is tracked
	 */
	boolean store(Send send, Newsletter newsletter, Article article, Set<String> editions, @Nullable String followed) {
		TrackedLinks tracked = settings.tracking() ? new TrackedLinks() : null;
		Publication house = publication.publication();
		for (String edition : editions) {
			EditionContent content = renderer.render(newsletter, gate.openEdition(article, Edition.ofKey(edition)),
					house, followed);
			sends.insertEdition(send.id(), edition, tracked == null ? content : tracked.track(content));
		}
		if (tracked != null) {
			engagement.insertLinks(send.id(), tracked.urls());
		}
		return tracked != null;
	}

}
