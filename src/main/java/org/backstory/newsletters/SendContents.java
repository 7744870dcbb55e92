package org.backstory.newsletters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The editions and newsletters workers mail, read from the database once per node rather
 * than once per message. An edition never changes once its send started, so holding it is
 * safe; a newsletter's sender changed during a send takes effect on the next send.
 */
@Component
class SendContents {

	private static final int MOST_HELD = 256;

	private final SendRepository sends;

	private final NewsletterRepository newsletters;

	private final Map<String, EditionContent> editions = new ConcurrentHashMap<>();

	private final Map<Long, Newsletter> newsletterById = new ConcurrentHashMap<>();

	SendContents(SendRepository sends, NewsletterRepository newsletters) {
		this.sends = sends;
		this.newsletters = newsletters;
	}

	EditionContent edition(long sendId, String edition) {
		if (editions.size() > MOST_HELD) {
			editions.clear();
		}
		return editions.computeIfAbsent(sendId + "/" + edition, key -> sends.edition(sendId, edition)
			.orElseThrow(() -> new IllegalStateException("Send " + sendId + " has no edition " + edition)));
	}

	Newsletter newsletter(long id) {
		if (newsletterById.size() > MOST_HELD) {
			newsletterById.clear();
		}
		return newsletterById.computeIfAbsent(id, key -> newsletters.find(id).orElseThrow());
	}

}
