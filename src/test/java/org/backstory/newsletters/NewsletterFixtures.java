package org.backstory.newsletters;

import java.util.UUID;

import org.springframework.context.ApplicationContext;

/** Newsletters and signed links for tests. Slugs are unique per call: the test database is shared. */
public final class NewsletterFixtures {

	private NewsletterFixtures() {
	}

	/** A new newsletter named after {@code who}, with a unique slug. */
	public static Newsletter newsletter(Newsletters newsletters, String who, boolean defaultOn) {
		String slug = who + "-" + UUID.randomUUID().toString().substring(0, 8);
		return newsletters.create(new NewsletterSettings(slug, "News " + slug, "About " + who + ".", "Test Desk",
				"desk@backstory.example", null, defaultOn));
	}

	/** The path of the signed one-click unsubscribe link a newsletter message would carry. */
	public static String unsubscribePath(ApplicationContext context, long memberId, long newsletterId, long sendId) {
		return context.getBean(NewsletterLinks.class).unsubscribePath(memberId, newsletterId, sendId);
	}

}
