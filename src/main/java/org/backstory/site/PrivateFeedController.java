package org.backstory.site;

import org.backstory.access.ArticleGate;
import org.backstory.members.FeedLinks;
import org.backstory.members.FeedLinks.FeedOwner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A member's private feed (issue 13): the site's latest articles as the member may read
 * them now, at an address whose token is the member's {@link FeedLinks} secret, for feed
 * readers that cannot sign in. One primary-key lookup finds the member and their role;
 * the access policy then classifies them from their current entitlement, so a lapse or
 * cancellation shows in the next fetch. An unknown, reset or malformed token is a 404,
 * the same answer as for an address that never existed.
 */
@Controller
class PrivateFeedController {

	private final FeedLinks feedLinks;

	private final ArticleGate gate;

	private final FeedBuilder builder;

	private final FeedVersions versions;

	PrivateFeedController(FeedLinks feedLinks, ArticleGate gate, FeedBuilder builder, FeedVersions versions) {
		this.feedLinks = feedLinks;
		this.gate = gate;
		this.builder = builder;
		this.versions = versions;
	}

	@GetMapping("/feed/{token}.xml")
	ResponseEntity<String> privateFeed(@PathVariable String token) {
		FeedOwner owner = feedLinks.ownerOf(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		RenderedFeed feed = builder.site(gate.reader(owner.memberId(), owner.role()), null);
		return feed.answer(versions.lastModified("member:" + owner.memberId(), feed.etag()));
	}

}
