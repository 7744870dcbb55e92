package org.backstory.newsletters;

import java.util.Optional;
import java.util.OptionalLong;

import org.backstory.newsletters.LinkTokens.Purpose;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The signed links in a newsletter: unsubscribe (one newsletter, without login, RFC 8058
 * one-click) and preferences (choose newsletters, without login), and, when the send is
 * tracked, the open pixel and the click redirects. Every message carries the first two,
 * so signing costs no database work: the key is read once, on first use, and kept.
 */
@Component
class NewsletterLinks {

	private final BackstoryProperties site;

	private final SigningKeys keys;

	private volatile @Nullable LinkTokens tokens;

	NewsletterLinks(BackstoryProperties site, SigningKeys keys) {
		this.site = site;
		this.keys = keys;
	}

	/** The absolute one-click unsubscribe URL for this member, newsletter and send. */
	String unsubscribeUrl(long memberId, long newsletterId, long sendId) {
		return site.link(unsubscribePath(memberId, newsletterId, sendId));
	}

	/** The absolute URL of this member's newsletter preferences page. */
	String preferencesUrl(long memberId) {
		return site.link(preferencesPath(memberId));
	}

	String unsubscribePath(long memberId, long newsletterId, long sendId) {
		return "/unsubscribe/" + tokens().sign(Purpose.UNSUBSCRIBE, memberId, newsletterId, sendId);
	}

	/**
	 * The absolute one-click link that ends this member's follow of the storyline, in a
	 * follow email of this send.
	 */
	String unfollowUrl(long memberId, long storylineId, long sendId) {
		return site.link(unfollowPath(memberId, storylineId, sendId));
	}

	String unfollowPath(long memberId, long storylineId, long sendId) {
		return "/unfollow/" + tokens().sign(Purpose.UNFOLLOW, memberId, storylineId, sendId);
	}

	/**
	 * What an unfollow token names (member, storyline, send); empty when it is malformed
	 * or was not signed by us.
	 */
	Optional<long[]> readUnfollow(String token) {
		return tokens().read(Purpose.UNFOLLOW, token);
	}

	String preferencesPath(long memberId) {
		return "/newsletters/preferences/" + tokens().sign(Purpose.PREFERENCES, memberId);
	}

	/**
	 * What an unsubscribe token names; empty when it is malformed or was not signed by
	 * us.
	 */
	Optional<UnsubscribeToken> readUnsubscribe(String token) {
		return tokens().read(Purpose.UNSUBSCRIBE, token).map(ids -> new UnsubscribeToken(ids[0], ids[1], ids[2]));
	}

	/**
	 * The member a preferences token names; empty when it is malformed or was not signed
	 * by us.
	 */
	OptionalLong readPreferences(String token) {
		return tokens().read(Purpose.PREFERENCES, token)
			.map(ids -> OptionalLong.of(ids[0]))
			.orElse(OptionalLong.empty());
	}

	/** The absolute URL of the open pixel of this send's message to this member. */
	String openUrl(long sendId, long memberId) {
		return site.link("/e/o/" + tokens().sign(Purpose.OPEN, sendId, memberId));
	}

	/**
	 * The absolute URL that records this member's click on the link at {@code position}
	 * of this send and redirects to it.
	 */
	String clickUrl(long sendId, long memberId, int position) {
		return site.link("/e/c/" + tokens().sign(Purpose.CLICK, sendId, memberId, position));
	}

	/** The send and member an open token names; empty when it was not signed by us. */
	Optional<long[]> readOpen(String token) {
		return tokens().read(Purpose.OPEN, token);
	}

	/**
	 * The send, member and link position a click token names; empty when it was not
	 * signed by us.
	 */
	Optional<long[]> readClick(String token) {
		return tokens().read(Purpose.CLICK, token).filter(ids -> ids[2] <= Integer.MAX_VALUE);
	}

	private LinkTokens tokens() {
		LinkTokens ready = tokens;
		if (ready != null) {
			return ready;
		}
		synchronized (this) {
			LinkTokens made = tokens;
			if (made == null) {
				made = new LinkTokens(keys.linkKey());
				tokens = made;
			}
			return made;
		}
	}

	/**
	 * What a one-click unsubscribe link names.
	 *
	 * @param memberId the member to unsubscribe
	 * @param newsletterId the newsletter to unsubscribe from
	 * @param sendId the send whose message carried the link
	 */
	record UnsubscribeToken(long memberId, long newsletterId, long sendId) {
	}

}
