package org.backstory.newsletters;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.newsletters.NewsletterLinks.UnsubscribeToken;
import org.backstory.publishing.StorylineUsage;
import org.backstory.publishing.StorylineTaxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pages behind the signed links in newsletters, which work without login: reading a
 * link, and the one-click unsubscribe (RFC 8058) it allows. A link only ever acts for the
 * member and newsletter it was signed for.
 */
@Service
public class SignedLinks {

	private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);

	private final NewsletterLinks links;

	private final MemberDirectory members;

	private final NewsletterRepository newsletters;

	private final OptIns optIns;

	private final StorylineFollows follows;

	private final StorylineTaxonomy storylines;

	private final EngagementRepository engagement;

	private final Clock clock;

	SignedLinks(NewsletterLinks links, MemberDirectory members, NewsletterRepository newsletters, OptIns optIns,
			StorylineFollows follows, StorylineTaxonomy storylines, EngagementRepository engagement, Clock clock) {
		this.links = links;
		this.members = members;
		this.newsletters = newsletters;
		this.optIns = optIns;
		this.follows = follows;
		this.storylines = storylines;
		this.engagement = engagement;
		this.clock = clock;
	}

	/**
	 * What an unfollow token opens: {@link LinkTarget.Unfollow}, or why it opens nothing.
	 */
	@Transactional(readOnly = true)
	public LinkTarget unfollowTarget(String token) {
		return links.readUnfollow(token).map(this::unfollowTarget).orElseGet(LinkTarget.Invalid::new);
	}

	/**
	 * Ends the follow the token names (its member, its storyline) and nothing else. A
	 * second time changes nothing: the answer's {@code following} is then false.
	 * @return what the link opened
	 */
	@Transactional
	public LinkTarget unfollow(String token) {
		Optional<long[]> read = links.readUnfollow(token);
		if (read.isEmpty()) {
			return new LinkTarget.Invalid();
		}
		long[] ids = read.get();
		if (!(unfollowTarget(ids) instanceof LinkTarget.Unfollow valid)) {
			return new LinkTarget.Gone();
		}
		boolean removed = follows.unfollow(ids[0], ids[1]);
		if (removed) {
			engagement.markUnsubscribed(ids[2], ids[0], clock.instant());
		}
		log.info("Unfollowed by link member={} storyline={} send={} changed={}", ids[0], ids[1], ids[2], removed);
		return new LinkTarget.Unfollow(valid.member(), valid.storylineTitle(), valid.storylineSlug(), removed);
	}

	/**
	 * The target of a signed (member, storyline, send); a deleted member or a merged
	 * storyline is gone.
	 */
	private LinkTarget unfollowTarget(long[] ids) {
		Optional<MemberProfile> member = members.profile(ids[0]);
		Optional<StorylineUsage> storyline = storylines.storyline(ids[1]);
		if (member.isEmpty() || storyline.isEmpty()) {
			return new LinkTarget.Gone();
		}
		return new LinkTarget.Unfollow(member.get(), storyline.get().title(), storyline.get().slug(),
				follows.follows(ids[0], ids[1]));
	}

	/**
	 * What an unsubscribe token opens: {@link LinkTarget.Unsubscribe}, or why it opens
	 * nothing.
	 */
	@Transactional(readOnly = true)
	public LinkTarget unsubscribeTarget(String token) {
		return links.readUnsubscribe(token).map(this::target).orElseGet(LinkTarget.Invalid::new);
	}

	/**
	 * Unsubscribes the member the token names from the newsletter it names. A second time
	 * changes nothing: the answer's {@code optedIn} is then false.
	 * @return what the link opened
	 */
	@Transactional
	public LinkTarget unsubscribe(String token) {
		Optional<UnsubscribeToken> read = links.readUnsubscribe(token);
		if (read.isEmpty()) {
			return new LinkTarget.Invalid();
		}
		UnsubscribeToken ids = read.get();
		if (!(target(ids) instanceof LinkTarget.Unsubscribe valid)) {
			return new LinkTarget.Gone();
		}
		boolean removed = optIns.optOut(ids.memberId(), ids.newsletterId());
		if (removed) {
			// Counted against the send whose message carried the link (the one-click
			// POST of RFC 8058 too).
			engagement.markUnsubscribed(ids.sendId(), ids.memberId(), clock.instant());
		}
		log.info("Unsubscribed by link member={} newsletter={} send={} changed={}", ids.memberId(), ids.newsletterId(),
				ids.sendId(), removed);
		return new LinkTarget.Unsubscribe(valid.member(), valid.newsletter(), removed);
	}

	private LinkTarget target(UnsubscribeToken ids) {
		Optional<MemberProfile> member = members.profile(ids.memberId());
		Optional<Newsletter> newsletter = newsletters.find(ids.newsletterId());
		if (member.isEmpty() || newsletter.isEmpty()) {
			return new LinkTarget.Gone();
		}
		return new LinkTarget.Unsubscribe(member.get(), newsletter.get(),
				optIns.of(ids.memberId()).contains(ids.newsletterId()));
	}

	/**
	 * What a preferences token opens: {@link LinkTarget.Preferences}, or why it opens
	 * nothing.
	 */
	@Transactional(readOnly = true)
	public LinkTarget preferencesTarget(String token) {
		OptionalLong memberId = links.readPreferences(token);
		if (memberId.isEmpty()) {
			return new LinkTarget.Invalid();
		}
		return members.profile(memberId.getAsLong())
			.<LinkTarget>map(LinkTarget.Preferences::new)
			.orElseGet(LinkTarget.Gone::new);
	}

	/**
	 * The path of the member's signed preferences page, for links on pages the member is
	 * shown.
	 */
	public String preferencesPath(long memberId) {
		return links.preferencesPath(memberId);
	}

}
