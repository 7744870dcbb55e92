package org.backstory.newsletters;

import java.util.Optional;
import java.util.OptionalLong;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.newsletters.NewsletterLinks.UnsubscribeToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pages behind the signed links in newsletters, which work without login: reading a link, and the
 * one-click unsubscribe (RFC 8058) it allows. A link only ever acts for the member and newsletter it was
 * signed for.
 */
@Service
public class SignedLinks {

	private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);

	private final NewsletterLinks links;

	private final MemberDirectory members;

	private final NewsletterRepository newsletters;

	private final OptIns optIns;

	SignedLinks(NewsletterLinks links, MemberDirectory members, NewsletterRepository newsletters, OptIns optIns) {
		this.links = links;
		this.members = members;
		this.newsletters = newsletters;
		this.optIns = optIns;
	}

	/** What an unsubscribe token opens: {@link LinkTarget.Unsubscribe}, or why it opens nothing. */
	@Transactional(readOnly = true)
	public LinkTarget unsubscribeTarget(String token) {
		return links.readUnsubscribe(token).map(this::target).orElseGet(LinkTarget.Invalid::new);
	}

	/**
	 * Unsubscribes the member the token names from the newsletter it names. A second time changes nothing:
	 * the answer's {@code optedIn} is then false.
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

	/** What a preferences token opens: {@link LinkTarget.Preferences}, or why it opens nothing. */
	@Transactional(readOnly = true)
	public LinkTarget preferencesTarget(String token) {
		OptionalLong memberId = links.readPreferences(token);
		if (memberId.isEmpty()) {
			return new LinkTarget.Invalid();
		}
		return members.profile(memberId.getAsLong()).<LinkTarget>map(LinkTarget.Preferences::new)
			.orElseGet(LinkTarget.Gone::new);
	}

	/** The path of the member's signed preferences page, for links on pages the member is shown. */
	public String preferencesPath(long memberId) {
		return links.preferencesPath(memberId);
	}

}
