package org.backstory.newsletters;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.email.BulkMessage;
import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;

/**
 * Turns an edition and a recipient into the message they get: the edition with their own
 * links filled in, and the headers bulk senders must carry (a follow email's unsubscribe
 * link unfollows its storyline) (Gmail and Yahoo): {@code List-Id},
 * {@code List-Unsubscribe} with an https link and a mailto, and
 * {@code List-Unsubscribe-Post} for one-click unsubscribe (RFC 8058).
 */
@Component
class MessageComposer {

	private final NewsletterLinks links;

	private final String siteHost;

	private final Clock clock;

	MessageComposer(NewsletterLinks links, BackstoryProperties site, Clock clock) {
		this.links = links;
		this.siteHost = site.baseUrl().getHost() == null ? "localhost" : site.baseUrl().getHost();
		this.clock = clock;
	}

	BulkMessage compose(ClaimedRecipient recipient, Newsletter newsletter, EditionContent edition) {
		Long storylineId = recipient.storylineId();
		// A follow email's one-click link unfollows the storyline; it leaves the member's
		// newsletters alone.
		String unsubscribe = storylineId == null
				? links.unsubscribeUrl(recipient.memberId(), newsletter.id(), recipient.sendId())
				: links.unfollowUrl(recipient.memberId(), storylineId, recipient.sendId());
		Personalization personal = new Personalization(unsubscribe, links.preferencesUrl(recipient.memberId()),
				recipient.address(), tracking(recipient.sendId(), recipient.memberId()));
		String replyTo = newsletter.replyTo() != null ? newsletter.replyTo() : newsletter.senderAddress();
		Map<String, String> headers = new LinkedHashMap<>();
		String list = storylineId == null ? newsletter.slug() : "follow-" + storylineId;
		headers.put("List-Id", "\"" + newsletter.name().replace("\"", "'") + "\" <" + list + "." + siteHost + ">");
		headers.put("List-Unsubscribe", "<" + unsubscribe + ">, <mailto:" + replyTo + "?subject=unsubscribe>");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		return new BulkMessage(newsletter.senderName(), newsletter.senderAddress(), newsletter.replyTo(),
				recipient.name(), recipient.address(), edition.subject(), personal.text(edition.text()),
				personal.html(edition.html()), messageId(recipient, newsletter), clock.instant(), headers);
	}

	/**
	 * The recipient's pixel and click links, signed only if the edition has placeholders
	 * for them (a tracked send).
	 */
	private Personalization.TrackingUrls tracking(long sendId, long memberId) {
		return new Personalization.TrackingUrls() {
			@Override
			public String open() {
				return links.openUrl(sendId, memberId);
			}

			@Override
			public String click(int position) {
				return links.clickUrl(sendId, memberId, position);
			}
		};
	}

	/**
	 * The same for every attempt at one recipient of one send, so a receiver sees a
	 * repeat as a repeat.
	 */
	private static String messageId(ClaimedRecipient recipient, Newsletter newsletter) {
		return new MessageRef(recipient.sendId(), recipient.memberId()).messageId(newsletter.senderAddress());
	}

}
