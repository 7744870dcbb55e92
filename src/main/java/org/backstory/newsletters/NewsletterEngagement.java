package org.backstory.newsletters;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers did with newsletters, for staff pages: per send (delivered, bounced,
 * complained, unsubscribed and, when the send was tracked, opened and clicked), per
 * member and per article. Opens are approximate: Apple Mail (Mail Privacy Protection) and
 * some others load every image, so a message counts as opened when it reached such an
 * app.
 */
@Service
public class NewsletterEngagement {

	/** How many of a member's latest messages {@link #ofMember} lists. */
	public static final int RECENT_MESSAGES = 10;

	private final EngagementRepository repository;

	NewsletterEngagement(EngagementRepository repository) {
		this.repository = repository;
	}

	/** One send's figures; empty when there is no such send. */
	@Transactional(readOnly = true)
	public Optional<SendStats> ofSend(long sendId) {
		return repository.ofSend(sendId);
	}

	/**
	 * The figures of each send of an article (newsletters and follow emails), oldest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<SendStats> ofArticle(long articleId) {
		return repository.ofArticle(articleId);
	}

	/**
	 * A send's most clicked links, at most {@code limit}; empty when it was not tracked.
	 */
	@Transactional(readOnly = true)
	public List<LinkClicks> topLinks(long sendId, int limit) {
		return repository.topLinks(sendId, limit);
	}

	/** A member's totals and their {@value #RECENT_MESSAGES} latest messages. */
	@Transactional(readOnly = true)
	public MemberEngagement ofMember(long memberId) {
		return repository.ofMember(memberId, repository.messagesOf(memberId, RECENT_MESSAGES));
	}

}
