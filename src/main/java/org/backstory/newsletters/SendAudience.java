package org.backstory.newsletters;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.backstory.publishing.StorylineUsage;
import org.backstory.publishing.StorylineTaxonomy;
import org.springframework.stereotype.Component;

/**
 * Who a send is for, chunk by chunk in member id order: a newsletter's opted-in members,
 * or for a follow email the storyline's followers less those who are recipients of a
 * newsletter send of the same article, so nobody gets the article twice.
 */
@Component
class SendAudience {

	private final OptInRepository optIns;

	private final FollowRepository follows;

	private final RecipientRepository recipients;

	private final StorylineTaxonomy storylines;

	SendAudience(OptInRepository optIns, FollowRepository follows, RecipientRepository recipients,
			StorylineTaxonomy storylines) {
		this.optIns = optIns;
		this.follows = follows;
		this.recipients = recipients;
		this.storylines = storylines;
	}

	/**
	 * The members after {@code after}, at most {@code limit} looked at; empty when there
	 * are no more.
	 */
	List<Long> next(Send send, long after, int limit) {
		if (send.storylineId() == null) {
			return optIns.membersOf(send.newsletterId(), after, limit);
		}
		return follows.followersOf(send.storylineId(), after, limit);
	}

	/**
	 * Those of {@code members} the send mails: for a follow email, not who gets the
	 * article as a newsletter.
	 */
	List<Long> mailed(Send send, List<Long> members) {
		if (send.storylineId() == null) {
			return members;
		}
		Set<Long> asNewsletter = recipients.newsletterRecipientsOf(send.articleId(), members);
		return members.stream().filter(id -> !asNewsletter.contains(id)).toList();
	}

	/**
	 * The followed storyline's title, for a follow email; empty for a newsletter send or
	 * a storyline merged away.
	 */
	Optional<String> storylineTitle(Send send) {
		return send.storylineId() == null ? Optional.empty()
				: storylines.storyline(send.storylineId()).map(StorylineUsage::title);
	}

}
