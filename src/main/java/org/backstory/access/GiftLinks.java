package org.backstory.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.backstory.access.GiftLinkRepository.FoundLink;
import org.backstory.access.GiftLinkRepository.GivenLink;
import org.backstory.access.GiftOutcome.Result;
import org.backstory.billing.Entitlements;
import org.backstory.billing.GiftLinkAllowances;
import org.backstory.members.MemberDeleted;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.SignedInMember;
import org.backstory.members.UnguessableTokens;
import org.backstory.publishing.Article;
import org.backstory.shared.SecretSeal;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gift links (issue 16 §2): a subscriber gifts one article with a link that opens it
 * whole for anyone for {@link GiftLinkProperties#days()} days, on at most
 * {@link GiftLinkProperties#browsers()} browsers. Subscribers make as many a calendar
 * month (UTC: publications have no time zone yet) as their plan allows; gifting the same
 * article again that month gives the same link, for another full validity, at no cost.
 * Staff make as many as they like. Only an article the giver may read whole can be
 * gifted. The token is random and kept only as its SHA-256 (and sealed, so the giver can
 * be shown it again); whether a link opens an article is decided by {@link ArticleGate}
 * through the {@link AccessPolicy}.
 */
@Service
public class GiftLinks {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final String SUBSCRIBE = " Subscribe to read everything.";

	private final GiftLinkRepository links;

	private final AccessPolicy policy;

	private final Entitlements entitlements;

	private final GiftLinkAllowances allowances;

	private final MemberDirectory members;

	private final SecretSeal seal;

	private final GiftLinkProperties properties;

	private final Clock clock;

	GiftLinks(GiftLinkRepository links, AccessPolicy policy, Entitlements entitlements, GiftLinkAllowances allowances,
			MemberDirectory members, SecretSeal seal, GiftLinkProperties properties, Clock clock) {
		this.links = links;
		this.policy = policy;
		this.entitlements = entitlements;
		this.allowances = allowances;
		this.members = members;
		this.seal = seal;
		this.properties = properties;
		this.clock = clock;
	}

	/** The address a gift link opens: the article's page with the token. */
	public static String link(String articleUrl, String token) {
		return articleUrl + "?gift=" + token;
	}

	/**
	 * What the article page offers this reader for gifting it; empty when they may not
	 * gift (not signed in, not a subscriber or staff) or anyone may read the article.
	 */
	public Optional<GiftDesk> desk(@Nullable SignedInMember member, Article article) {
		if (member == null || !article.visibility().gated()) {
			return Optional.empty();
		}
		GiftRight right = rightOf(member, article);
		if (right == GiftRight.NONE) {
			return Optional.empty();
		}
		LocalDate month = month(clock.instant());
		GiftLinkRepository.GiverMonth given = links.giverMonth(member.id(), article.id(), month);
		String token = given.link().flatMap(link -> token(link, member.id(), article.id(), month)).orElse(null);
		if (right == GiftRight.UNLIMITED) {
			return Optional.of(new GiftDesk(token, true, 0, 0, properties.days(), properties.browsers()));
		}
		int allowance = allowances.perMonth(member.id());
		int left = Math.max(allowance - given.given(), 0);
		return Optional.of(new GiftDesk(token, false, allowance, left, properties.days(), properties.browsers()));
	}

	/**
	 * Gifts the article: a new link, or the one made for it earlier this month (its
	 * validity starts again; no gift is used), or a refusal saying why.
	 */
	@Transactional
	public GiftOutcome give(SignedInMember member, Article article) {
		if (!article.visibility().gated()) {
			return GiftOutcome.refused(Result.FREE_TO_READ);
		}
		GiftRight right = rightOf(member, article);
		if (right == GiftRight.NONE) {
			return GiftOutcome.refused(Result.NOT_ALLOWED);
		}
		links.lockGiver(member.id());
		Instant now = clock.instant();
		Instant expires = now.plus(Duration.ofDays(properties.days()));
		LocalDate month = month(now);
		Optional<GivenLink> given = links.given(member.id(), article.id(), month);
		if (given.isPresent()) {
			links.extend(given.get().id(), expires);
			// A token sealed under a key the app no longer has is replaced: the giver
			// gets a
			// working link, and the old one stops opening.
			String again = token(given.get(), member.id(), article.id(), month)
				.orElseGet(() -> retoken(given.get().id(), member.id(), article.id(), month));
			return new GiftOutcome(Result.GIVEN_AGAIN, again);
		}
		if (right == GiftRight.MONTHLY_ALLOWANCE
				&& links.countGiven(member.id(), month) >= allowances.perMonth(member.id())) {
			return GiftOutcome.refused(Result.ALLOWANCE_USED_UP);
		}
		String token = UnguessableTokens.newToken();
		links.insert(UnguessableTokens.hash(token), sealed(token, member.id(), article.id(), month), member.id(),
				article.id(), month, now, expires);
		return new GiftOutcome(Result.GIVEN, token);
	}

	/**
	 * Whether the pass opens this article on its browser, recording the browser when it
	 * is a new one and there is room; the note says who gifted it, or why not. An
	 * unknown, malformed, expired or used-up token opens nothing and is never an error.
	 */
	@Transactional
	GiftNote admit(GiftPass pass, long articleId) {
		if (!UnguessableTokens.wellFormed(pass.token())) {
			return unknown();
		}
		Optional<FoundLink> found = links.lockByHash(UnguessableTokens.hash(pass.token()))
			.filter(link -> link.articleId() == articleId);
		if (found.isEmpty()) {
			return unknown();
		}
		FoundLink link = found.get();
		Instant now = clock.instant();
		if (!now.isBefore(link.expiresAt())) {
			return new GiftNote(false, "This gift link expired on " + DAY.format(link.expiresAt()) + "." + SUBSCRIBE);
		}
		if (!links.opened(link.id(), pass.browserId())) {
			if (links.browsers(link.id()) >= properties.browsers()) {
				return new GiftNote(false, "This gift link has already been opened on " + properties.browsers()
						+ " browsers, the most one link allows." + SUBSCRIBE);
			}
			links.recordBrowser(link.id(), pass.browserId(), now);
		}
		String giver = members.profile(link.giverId())
			.map(MemberProfile::name)
			.filter(name -> !name.isBlank())
			.orElse("A subscriber");
		return new GiftNote(true, giver + " gifted you this article." + SUBSCRIBE);
	}

	/** A deleted member's gift links stop working with them, in the same transaction. */
	@EventListener
	void on(MemberDeleted event) {
		links.deleteGiven(event.memberId());
	}

	/**
	 * The member's gift right for this article: none for an article they may not read
	 * whole themselves (a subscriber to another tier), so no one gifts themselves past
	 * their own subscription.
	 */
	private GiftRight rightOf(SignedInMember member, Article article) {
		Reader reader = policy.classify(member.role(), entitlements.of(member.id()), clock.instant());
		return policy.decide(article.visibility(), reader).granted() ? policy.giftRight(reader) : GiftRight.NONE;
	}

	private Optional<String> token(GivenLink given, long giverId, long articleId, LocalDate month) {
		return seal.open(context(giverId, articleId, month), given.sealedToken())
			.map(bytes -> new String(bytes, StandardCharsets.US_ASCII));
	}

	private String retoken(long linkId, long giverId, long articleId, LocalDate month) {
		String token = UnguessableTokens.newToken();
		links.replaceToken(linkId, UnguessableTokens.hash(token), sealed(token, giverId, articleId, month));
		return token;
	}

	private byte[] sealed(String token, long giverId, long articleId, LocalDate month) {
		return seal.seal(context(giverId, articleId, month), token.getBytes(StandardCharsets.US_ASCII));
	}

	private static GiftNote unknown() {
		return new GiftNote(false, "This gift link does not open this article." + SUBSCRIBE);
	}

	private static LocalDate month(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
	}

	private static String context(long giverId, long articleId, LocalDate month) {
		return "gift-link:" + giverId + ":" + articleId + ":" + month;
	}

}
