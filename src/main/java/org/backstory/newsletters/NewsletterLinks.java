package org.backstory.newsletters;

import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;

/**
 * The signed links in a newsletter: unsubscribe (one newsletter, without login, RFC 8058 one-click) and
 * preferences (choose newsletters, without login). Work in progress: the signing is being written.
 */
@Component
class NewsletterLinks {

	private final BackstoryProperties site;

	NewsletterLinks(BackstoryProperties site) {
		this.site = site;
	}

	/** The absolute one-click unsubscribe URL for this member, newsletter and send. */
	String unsubscribeUrl(long memberId, long newsletterId, long sendId) {
		return site.link("/unsubscribe/" + memberId + "-" + newsletterId + "-" + sendId);
	}

	/** The absolute URL of this member's newsletter preferences page. */
	String preferencesUrl(long memberId) {
		return site.link("/newsletters/preferences/" + memberId);
	}

}
