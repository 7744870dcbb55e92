package org.backstory.newsletters;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The open pixel and the click redirects of tracked sends. A token names a recipient row
 * (send and member) and, for a click, the position of a link stored when the send
 * started; it never carries a URL, so only a link that was in the edition can be a
 * target. Tokens are signed with the newsletters' link key ({@link NewsletterLinks}).
 */
@Service
public class EmailTracking {

	/** The pixel: a transparent 1x1 GIF, base64. */
	public static final String PIXEL_GIF_BASE64 = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

	private final NewsletterLinks links;

	private final EngagementRepository repository;

	private final Clock clock;

	EmailTracking(NewsletterLinks links, EngagementRepository repository, Clock clock) {
		this.links = links;
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Counts an open of the message the token names; a token we did not sign counts
	 * nothing.
	 */
	public void open(String token) {
		links.readOpen(token).ifPresent(ids -> repository.recordOpen(ids[0], ids[1], clock.instant()));
	}

	/**
	 * Records the click the token names and gives its link's target; empty when the token
	 * was not signed by us or names no link of its send.
	 */
	public Optional<String> click(String token) {
		return links.readClick(token)
			.flatMap(ids -> repository.recordClick(ids[0], ids[1], (int) ids[2], clock.instant()));
	}

}
