package org.backstory.access;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backstory.access.AccessDecision.Remedy;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.Article;
import org.backstory.publishing.SearchReach;
import org.backstory.publishing.SpokenQuote;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The choke point: turns an article into what one reader may receive. Pages, the feed,
 * structured data and (later) email and the API all go through here; nothing else opens
 * an article's gated body.
 */
@Service
public class ArticleGate {

	private final AccessPolicy policy;

	private final Entitlements entitlements;

	private final MeteredReads meter;

	private final VerifiedCrawlers crawlers;

	private final MeteringSettings metering;

	private final AnonymousMeterCookies cookies;

	private final Clock clock;

	private final GiftLinks giftLinks;

	private final PaywallImpressions impressions;

	ArticleGate(AccessPolicy policy, Entitlements entitlements, MeteredReads meter, VerifiedCrawlers crawlers,
			MeteringSettings metering, AnonymousMeterCookies cookies, Clock clock, GiftLinks giftLinks,
			PaywallImpressions impressions) {
		this.policy = policy;
		this.entitlements = entitlements;
		this.meter = meter;
		this.crawlers = crawlers;
		this.metering = metering;
		this.cookies = cookies;
		this.clock = clock;
		this.giftLinks = giftLinks;
		this.impressions = impressions;
	}

	/**
	 * For a page view by this reader (null = anonymous); may use up one of a free
	 * member's metered reads.
	 */
	public ReadableArticle open(Article article, @Nullable SignedInMember member) {
		return openFor(article, member, readerOf(member));
	}

	/**
	 * For a page view by this reader (null = anonymous) from {@code origin}: a signed-in
	 * member reads as their entitlement says; anyone else reads as a verified crawler
	 * when {@link VerifiedCrawlers} says the request comes from one, and as an anonymous
	 * reader otherwise, counted by the anonymous meter when staff turned it on (see
	 * {@link AccessPolicy#decideAnonymous}): the origin's meter cookie is read, and the
	 * cookie to send back is in the result. A verified crawler is never metered.
	 */
	public ReadableArticle open(Article article, @Nullable SignedInMember member, RequestOrigin origin) {
		if (member != null) {
			return open(article, member);
		}
		if (crawlers.verified(origin)) {
			return openFor(article, null, AccessPolicy.verifiedCrawler());
		}
		return openAnonymouslyMetered(article, origin);
	}

	private ReadableArticle openAnonymouslyMetered(Article article, RequestOrigin origin) {
		Instant now = clock.instant();
		YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
		int allowance = metering.anonymousReadsPerMonth();
		AnonymousMeter meter = allowance == 0 ? AnonymousMeter.OFF
				: new AnonymousMeter(allowance, origin.meterCookie() != null || origin.freeReadAsked(),
						origin.meterCookie() == null ? Set.of() : cookies.read(origin.meterCookie(), month));
		AnonymousRead read = policy.decideAnonymous(article.visibility(), article.id(), article.meterExempt(), meter);
		ReadableArticle readable;
		if (read.decision().granted()) {
			readable = whole(article, read.meter().enabled() ? read.meter().anonymousNotice() : null);
		}
		else {
			impressions.shown(ReaderState.ANONYMOUS);
			readable = preview(article, PaywallBoxes.forRefusal(read.decision().remedy(), article, read.meter()));
		}
		if (!read.personal()) {
			return readable;
		}
		return readable
			.meteredAnonymously(read.readAfter() == null ? null : cookies.write(read.readAfter(), month, now));
	}

	/**
	 * For a page view opened with a gift link (issue 16 §2): a reader the policy lets
	 * read the article reads it as without the link, which then counts no browser. Anyone
	 * else reads it whole as a {@link ReaderState#GIFTED} reader when the link is for
	 * this article, still valid, and has room for this browser; a gifted read never
	 * touches a meter. Otherwise they read as without the link. Either way the page says
	 * what the link did, and is for this browser alone
	 * ({@link ReadableArticle#personal()}).
	 */
	public ReadableArticle open(Article article, @Nullable SignedInMember member, RequestOrigin origin, GiftPass gift) {
		if (policy.decide(article.visibility(), readerOf(member)).granted()) {
			return open(article, member, origin);
		}
		GiftNote note = giftLinks.admit(gift, article.id());
		ReadableArticle readable = note.opened() ? openFor(article, member, AccessPolicy.gifted())
				: open(article, member, origin);
		return readable.withGift(note);
	}

	private ReadableArticle openFor(Article article, @Nullable SignedInMember member, Reader reader) {
		AccessDecision decision = policy.decide(article.visibility(), reader);
		if (decision.granted()) {
			ReadableArticle readable = whole(article, null);
			return reader.state() == ReaderState.VERIFIED_CRAWLER ? readable.toVerifiedCrawler() : readable;
		}
		MeterStatus meterStatus = MeterStatus.OFF;
		if (member != null && decision.remedy() == Remedy.SUBSCRIBE
				&& AccessPolicy.metered(article.visibility(), article.meterExempt())) {
			meterStatus = meter.use(member.id(), article.id());
			if (meterStatus.granted()) {
				return whole(article, meterStatus.notice());
			}
		}
		impressions.shown(reader.state());
		return preview(article, PaywallBoxes.forRefusal(decision.remedy(), article, meterStatus));
	}

	/**
	 * Who is searching (null = anonymous), classified as for a page view; for
	 * {@link #searchReach} and {@link #openForSearch}.
	 */
	public Reader searcher(@Nullable SignedInMember member) {
		return readerOf(member);
	}

	/**
	 * Which gated articles a search by this reader may match on their whole text: those
	 * the policy lets them read.
	 */
	public SearchReach searchReach(Reader reader) {
		return policy.searchReach(reader);
	}

	/**
	 * For search results: the article as this reader may read it, by the same policy as a
	 * page view, so snippets come from the preview alone unless the reader may read it
	 * all. Never meters: a search result is not a read.
	 */
	public ReadableArticle openForSearch(Article article, Reader reader) {
		return openUnmetered(article, reader);
	}

	/**
	 * Whether this reader may read the whole of an article with this visibility, by the
	 * same policy as a page view but never metered: for a piece of an article's gated
	 * part shown outside the article (a quote on an entity's page). A free member's
	 * metered reads do not count; they are spent on the article itself.
	 */
	public boolean mayReadWhole(Visibility visibility, Reader reader) {
		return policy.decide(visibility, reader).granted();
	}

	/**
	 * The quotes this reader may see, in their order: every quote from a free part, and a
	 * quote from a gated part only if {@link #mayReadWhole} lets the reader read its
	 * article. For every channel that shows an entity's quotes (its page, the Content
	 * API).
	 */
	public List<SpokenQuote> readableQuotes(List<SpokenQuote> quotes, Reader reader) {
		return quotes.stream()
			.filter(quote -> !quote.gated() || mayReadWhole(quote.article().visibility(), reader))
			.toList();
	}

	private Reader readerOf(@Nullable SignedInMember member) {
		return member == null ? Reader.anonymous() : reader(member.id(), member.role());
	}

	/**
	 * The reader this member is now, classified as for a page view from their role and
	 * current entitlement: for channels that know the member without a session, such as
	 * their private feed.
	 */
	public Reader reader(long memberId, MemberRole role) {
		return policy.classify(role, entitlements.of(memberId), clock.instant());
	}

	/**
	 * When this member's grace period ends and who must settle the failed payment by
	 * then, while they still read in grace; empty otherwise. Pages warn them.
	 */
	public Optional<GraceWarning> graceWarning(long memberId) {
		Entitlement entitlement = entitlements.of(memberId);
		return policy.graceEnd(entitlement, clock.instant()).map(end -> new GraceWarning(end, entitlement.payment()));
	}

	/**
	 * For a feed: the article as this reader may read it, by the same policy as a page
	 * view; the anonymous feeds pass {@link Reader#anonymous()}, a member's private feed
	 * the member. Never meters: a feed fetch is not a read.
	 */
	public ReadableArticle openForFeed(Article article, Reader reader) {
		return openUnmetered(article, reader);
	}

	/**
	 * For a staff preview: the article as a reader in {@code state} would receive it,
	 * through the same policy and paywall boxes as a page view. A paying state pays for
	 * one of the article's tiers; a free member is shown as once their metered reads are
	 * used up. Reads no one's entitlements and never meters.
	 */
	public ReadableArticle openAs(Article article, ReaderState state) {
		String tier = state.paying() ? article.visibility().tiers().stream().sorted().findFirst().orElse(null) : null;
		return openUnmetered(article, new Reader(state, tier));
	}

	private ReadableArticle openUnmetered(Article article, Reader reader) {
		AccessDecision decision = policy.decide(article.visibility(), reader);
		if (decision.granted()) {
			return whole(article, null);
		}
		return preview(article, PaywallBoxes.forRefusal(decision.remedy(), article, MeterStatus.OFF));
	}

	/**
	 * For staff tools that hand an article's whole text to someone the newsroom already
	 * lets edit or view it (the Admin API, after {@code ArticleDesk}'s check): the
	 * preview, then {@code marker} where readers without access stop, then the gated
	 * part. Never meters.
	 */
	public String wholeForStaff(Article article, String marker) {
		String gated = article.gatedBody().html();
		return gated.isEmpty() ? article.previewHtml() : article.previewHtml() + marker + gated;
	}

	/** For anonymous channels (feed, structured data, sitemap); never meters. */
	public ReadableArticle openAnonymously(Article article) {
		return open(article, null);
	}

	/**
	 * For an emailed article: decides for each member whether they count as paying and
	 * which edition they get, reading their entitlements in one query. Roles count as on
	 * the site ({@link AccessPolicy#classify( MemberRole, Entitlement, Instant)}):
	 * editors and above get the whole article, contributors and authors what their
	 * subscription gives. Never meters.
	 */
	public Map<Long, EmailRecipient> emailRecipients(Article article, Collection<MemberProfile> members) {
		Map<Long, Entitlement> entitled = entitlements.ofAll(members.stream().map(MemberProfile::id).toList());
		Instant now = clock.instant();
		Map<Long, EmailRecipient> recipients = new HashMap<>();
		for (MemberProfile member : members) {
			Entitlement entitlement = entitled.get(member.id());
			boolean paying = policy.classify(entitlement, now).state().paying();
			AccessDecision decision = policy.decide(article.visibility(),
					policy.classify(member.role(), entitlement, now));
			recipients.put(member.id(), new EmailRecipient(member.id(), paying,
					decision.granted() ? Edition.COMPLETE : new Edition(decision.remedy())));
		}
		return recipients;
	}

	/**
	 * An emailed article in one edition: the whole of it, or the preview and the email's
	 * paywall box, which always offers a subscriber who reads this address's mail a way
	 * to log in.
	 */
	public ReadableArticle openEdition(Article article, Edition edition) {
		if (edition.complete()) {
			return whole(article, null);
		}
		return preview(article, PaywallBoxes.forEmail(edition.remedy(), article));
	}

	/**
	 * For the owner's export, which carries every article whole (the export is
	 * staff-only): the gated half of an archived article. Only the owner exports (the
	 * owner reads everything, as every editor does); anyone else is refused here too,
	 * whatever route they came by.
	 * @throws AccessDeniedException unless {@code reader} is the owner
	 */
	public String gatedHtmlForExport(ArchivedArticle article, SignedInMember reader) {
		if (reader.role() != MemberRole.OWNER) {
			throw new AccessDeniedException("only the owner exports articles whole");
		}
		return article.gatedBody().html();
	}

	private static ReadableArticle whole(Article article, @Nullable String meterNotice) {
		String gated = article.gatedBody().html();
		String body = !article.visibility().gated() || gated.isEmpty() ? article.previewHtml() + gated
				: article.previewHtml() + "<div class=\"paywalled-content\">" + gated + "</div>";
		return new ReadableArticle(article, body, true, null, meterNotice);
	}

	private static ReadableArticle preview(Article article, PaywallBox box) {
		return new ReadableArticle(article, article.previewHtml(), false, box, null);
	}

}
