package org.backstory.newsletters.web;

import org.backstory.newsletters.SendStats;

/**
 * A send's engagement as its page shows it: each count with its share of the delivered
 * messages, e.g. {@code 3 (1.5 %)}.
 *
 * @param tracked whether opens and clicks were tracked (if not, the page says so instead
 * of showing 0 %)
 */
public record SendFigures(boolean tracked, String delivered, String bounced, String complained, String unsubscribed,
		String opened, String clicked) {

	static SendFigures of(SendStats stats) {
		return new SendFigures(stats.tracked(), String.valueOf(stats.delivered()), stats.share(stats.bounced()),
				stats.share(stats.complained()), stats.share(stats.unsubscribed()), stats.share(stats.opened()),
				stats.share(stats.clicked()));
	}

}
