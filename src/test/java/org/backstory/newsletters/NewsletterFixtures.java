package org.backstory.newsletters;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.UUID;

import org.backstory.LoopbackSmtp;
import org.backstory.email.Await;
import org.backstory.publishing.ArticleFixtures;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Newsletters, signed links and the wait for a send, for the newsletters tests. Slugs are
 * unique: the test database is shared.
 */
public final class NewsletterFixtures {

	private NewsletterFixtures() {
	}

	static NewsletterSettings settings() {
		String slug = ArticleFixtures.unique("letter");
		return new NewsletterSettings(slug, "Letter " + slug, "The week explained.", "The Backstory",
				"news@backstory.test", "editors@backstory.test", false);
	}

	/** A new newsletter named after {@code who}, with a unique slug. */
	public static Newsletter newsletter(Newsletters newsletters, String who, boolean defaultOn) {
		String slug = who + "-" + UUID.randomUUID().toString().substring(0, 8);
		return newsletters.create(new NewsletterSettings(slug, "News " + slug, "About " + who + ".", "Test Desk",
				"desk@backstory.example", null, defaultOn));
	}

	/**
	 * Starts {@code smtp}, points the application's mail at it and has idle send workers
	 * look for work every 200 ms, so a send starts soon after it is queued.
	 */
	static void sendQuicklyTo(GreenMail smtp, DynamicPropertyRegistry registry) {
		LoopbackSmtp.routeMailTo(smtp, registry);
		registry.add("backstory.newsletters.idle-poll", () -> "200ms");
	}

	/**
	 * The path of the signed one-click unsubscribe link a newsletter message would carry.
	 */
	public static String unsubscribePath(ApplicationContext context, long memberId, long newsletterId, long sendId) {
		return context.getBean(NewsletterLinks.class).unsubscribePath(memberId, newsletterId, sendId);
	}

	/** Waits until the send has no pending recipient and is marked sent. */
	static void awaitSent(NewsletterSends sends, long sendId, Duration within) {
		Await.until("send " + sendId + " is sent", within,
				() -> sends.find(sendId).map(send -> send.status() == SendStatus.SENT).orElse(false));
	}

}
