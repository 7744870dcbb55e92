package org.backstory.newsletters;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.backstory.publishing.ArticleFixtures;

/** Newsletters and waits for the send tests. */
final class NewsletterFixtures {

	private NewsletterFixtures() {
	}

	static NewsletterSettings settings() {
		String slug = ArticleFixtures.unique("letter");
		return new NewsletterSettings(slug, "Letter " + slug, "The week explained.", "The Backstory",
				"news@backstory.test", "editors@backstory.test", false);
	}

	/** Waits until the send has no pending recipient and is marked sent. */
	static void awaitSent(NewsletterSends sends, long sendId, Duration within) {
		until("send " + sendId + " is sent", within,
				() -> sends.find(sendId).map(send -> send.status() == SendStatus.SENT).orElse(false));
	}

	static void until(String what, Duration within, BooleanSupplier condition) {
		long deadline = System.nanoTime() + within.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
