package org.backstory.newsletters;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backstory.members.MemberDeleted;
import org.backstory.publishing.StorylineFollowers;
import org.backstory.publishing.StorylineUsage;
import org.backstory.publishing.StorylinesMerged;
import org.backstory.publishing.StorylineTaxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members following storylines: a follower gets an email whenever a new article of the
 * storyline is published on the site ({@link FollowEmails}). A follow is the member's
 * data: listed on their account, ended there or by the signed link in every follow email,
 * deleted with the account; a merged storyline's followers follow the storyline it went
 * into. Editors see how many follow each storyline ({@link StorylineFollowers}).
 */
@Service
public class StorylineFollows implements StorylineFollowers {

	private static final Logger log = LoggerFactory.getLogger(StorylineFollows.class);

	private final FollowRepository follows;

	private final StorylineTaxonomy taxonomy;

	private final Clock clock;

	StorylineFollows(FollowRepository follows, StorylineTaxonomy taxonomy, Clock clock) {
		this.follows = follows;
		this.taxonomy = taxonomy;
		this.clock = clock;
	}

	/** The member follows the storyline from now on; whether they did not already. */
	@Transactional
	public boolean follow(long memberId, long storylineId) {
		boolean added = follows.follow(memberId, storylineId, clock.instant());
		log.info("Storyline followed member={} storyline={} changed={}", memberId, storylineId, added);
		return added;
	}

	/** The member stops following the storyline; whether they were following it. */
	@Transactional
	public boolean unfollow(long memberId, long storylineId) {
		boolean removed = follows.unfollow(memberId, storylineId);
		log.info("Storyline unfollowed member={} storyline={} changed={}", memberId, storylineId, removed);
		return removed;
	}

	@Transactional(readOnly = true)
	public boolean follows(long memberId, long storylineId) {
		return follows.follows(memberId, storylineId);
	}

	/** The storylines the member follows, latest followed first. */
	@Transactional(readOnly = true)
	public List<FollowedStoryline> followedBy(long memberId) {
		Map<Long, StorylineUsage> storylines = taxonomy.storylines()
			.stream()
			.collect(Collectors.toMap(StorylineUsage::id, Function.identity()));
		return follows.followedBy(memberId)
			.entrySet()
			.stream()
			.filter(follow -> storylines.containsKey(follow.getKey()))
			.map(follow -> {
				StorylineUsage storyline = storylines.get(follow.getKey());
				return new FollowedStoryline(storyline.id(), storyline.slug(), storyline.title(), follow.getValue());
			})
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Long> counts() {
		return follows.counts();
	}

	@EventListener
	void on(MemberDeleted event) {
		follows.deleteMember(event.memberId());
	}

	@EventListener
	void on(StorylinesMerged event) {
		follows.move(event.fromId(), event.intoId());
	}

}
