package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.backstory.access.AccessDecision.Remedy;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlement.Status;
import org.backstory.billing.Entitlements;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Article;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@SpringBootTest(properties = "backstory.access.metered-reads=2")
class ArticleGateIntegrationTests {

	private static final AtomicLong ids = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	@Autowired
	ArticleGate gate;

	@MockitoBean
	Entitlements entitlements;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousReaderGetsThePreviewAndTheSubscribeOrLogInBox() {
		Article article = ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid());

		ReadableArticle readable = gate.open(article, null);

		assertThat(readable.complete()).isFalse();
		assertThat(readable.bodyHtml()).isEqualTo(ArticleFixtures.PREVIEW).doesNotContain("Paid-only");
		assertThat(readable.paywall().remedy()).isEqualTo(Remedy.SUBSCRIBE_OR_LOG_IN);
		assertThat(readable.paywall().secondary().href()).isEqualTo("/login?next=%2Fp%2F" + article.slug());
		assertThat(readable.paywall().footnote()).contains("Make sure your card on file is up to date");
	}

	@Test
	void payingSubscriberGetsTheWholeArticleWithTheGatedPartMarked() {
		SignedInMember subscriber = member();
		given(entitlements.of(subscriber.id()))
			.willReturn(new Entitlement(Status.ACTIVE, "supporter", Instant.parse("2099-01-01T00:00:00Z"), null));

		ReadableArticle readable = gate.open(ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid()),
				subscriber);

		assertThat(readable.complete()).isTrue();
		assertThat(readable.paywall()).isNull();
		assertThat(readable.bodyHtml()).isEqualTo(
				ArticleFixtures.PREVIEW + "<div class=\"paywalled-content\">" + ArticleFixtures.GATED + "</div>");
	}

	@Test
	void publicArticleIsWholeForEveryoneWithoutAGatedMarker() {
		ReadableArticle readable = gate
			.openAnonymously(ArticleFixtures.article(ids.incrementAndGet(), Visibility.everyone()));

		assertThat(readable.complete()).isTrue();
		assertThat(readable.bodyHtml()).isEqualTo(ArticleFixtures.PREVIEW + ArticleFixtures.GATED);
	}

	@Test
	void pastDueBeyondGraceIsAskedToUpdateTheCard() {
		SignedInMember lapsed = member();
		Instant failed = Instant.parse("2020-01-01T00:00:00Z");
		given(entitlements.of(lapsed.id())).willReturn(new Entitlement(Status.PAST_DUE, "supporter", failed, failed));

		ReadableArticle readable = gate.open(ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid()), lapsed);

		assertThat(readable.bodyHtml()).doesNotContain("Paid-only");
		assertThat(readable.paywall().remedy()).isEqualTo(Remedy.UPDATE_CARD);
		assertThat(readable.paywall().message())
			.isEqualTo("Your last payment didn't go through. Make sure your card on file is up to date.");
		assertThat(readable.paywall().primary().href()).isEqualTo("/account/card");
	}

	@Test
	void subscriberOfAnotherTierIsOfferedAnUpgrade() {
		SignedInMember subscriber = member();
		given(entitlements.of(subscriber.id())).willReturn(new Entitlement(Status.ACTIVE, "supporter", null, null));

		ReadableArticle readable = gate
			.open(ArticleFixtures.article(ids.incrementAndGet(), Visibility.tiers(Set.of("patron"))), subscriber);

		assertThat(readable.complete()).isFalse();
		assertThat(readable.paywall().remedy()).isEqualTo(Remedy.UPGRADE);
		assertThat(readable.paywall().primary().href()).isEqualTo("/account/plan/upgrade?tier=patron");
	}

	@Test
	void staffReadEverythingWithoutASubscription() {
		long id = ids.incrementAndGet();
		SignedInMember editor = new SignedInMember(id, "editor" + id + "@example.test", "Editor", MemberRole.EDITOR);
		given(entitlements.of(editor.id())).willReturn(Entitlement.none());

		ReadableArticle readable = gate
			.open(ArticleFixtures.article(ids.incrementAndGet(), Visibility.tiers(Set.of("patron"))), editor);

		assertThat(readable.complete()).isTrue();
		assertThat(readable.bodyHtml()).contains("Paid-only");
	}

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = { "CONTRIBUTOR", "AUTHOR" })
	void contributorsAndAuthorsReadPaidArticlesOnlyByTheirOwnSubscription(MemberRole role) {
		SignedInMember writer = staff(role);
		SignedInMember comped = staff(role);
		given(entitlements.of(writer.id())).willReturn(Entitlement.none());
		given(entitlements.of(comped.id())).willReturn(new Entitlement(Status.COMPED, "supporter", null, null));
		List<Article> paidArticles = List.of(ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid()),
				ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid()),
				ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid()));

		List<ReadableArticle> unpaid = paidArticles.stream().map(article -> gate.open(article, writer)).toList();
		ReadableArticle paid = gate.open(paidArticles.get(2), comped);

		assertThat(unpaid.get(0).meterNotice()).startsWith("This is one of your 2 free articles this month.");
		assertThat(unpaid.get(1).complete()).isTrue();
		assertThat(unpaid.get(2).complete()).isFalse();
		assertThat(unpaid.get(2).bodyHtml()).doesNotContain("Paid-only");
		assertThat(unpaid.get(2).paywall().remedy()).isEqualTo(Remedy.SUBSCRIBE);
		assertThat(paid.complete()).isTrue();
		assertThat(paid.meterNotice()).isNull();
	}

	@Test
	void newsletterEditionsFollowTheSameRuleForEveryRole() {
		Article article = ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid());
		List<MemberProfile> members = Arrays.stream(MemberRole.values())
			.map(role -> staff(role))
			.map(member -> new MemberProfile(member.id(), member.email(), member.name(), member.role(), true,
					Instant.parse("2026-01-01T00:00:00Z")))
			.toList();
		given(entitlements.ofAll(anyCollection())).willAnswer(invocation -> members.stream()
			.collect(Collectors.toMap(MemberProfile::id, member -> Entitlement.none())));

		Map<Long, EmailRecipient> recipients = gate.emailRecipients(article, members);

		assertThat(members).allSatisfy(member -> {
			EmailRecipient recipient = recipients.get(member.id());
			assertThat(recipient.edition().complete()).as(member.role().name())
				.isEqualTo(member.role().atLeast(MemberRole.EDITOR));
			assertThat(recipient.paying()).as(member.role().name()).isFalse();
		});
	}

	@Test
	void freeMemberReadsTwoPaidArticlesAMonthThroughTheMeter() {
		SignedInMember reader = member();
		given(entitlements.of(reader.id())).willReturn(Entitlement.none());
		Article first = ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid());
		Article second = ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid());
		Article third = ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid());

		ReadableArticle firstRead = gate.open(first, reader);
		ReadableArticle secondRead = gate.open(second, reader);
		ReadableArticle thirdRead = gate.open(third, reader);
		ReadableArticle firstAgain = gate.open(first, reader);

		assertThat(firstRead.complete()).isTrue();
		assertThat(firstRead.meterNotice())
			.isEqualTo("This is one of your 2 free articles this month. You have 1 left.");
		assertThat(secondRead.meterNotice()).endsWith("You have 0 left.");
		assertThat(thirdRead.complete()).isFalse();
		assertThat(thirdRead.bodyHtml()).doesNotContain("Paid-only");
		assertThat(thirdRead.paywall().message()).startsWith("You've read your 2 free articles this month.");
		assertThat(firstAgain.complete()).isTrue();
	}

	/**
	 * A verified crawler (here from the test ranges file) reads every gated article
	 * whole, past the meter's allowance, without a meter notice and without a metered
	 * read recorded; the same user agent from another address is an anonymous reader.
	 * Only a signed-in member is ever metered.
	 */
	@Test
	void aVerifiedCrawlerReadsEveryGatedArticleWholeAndIsNeverMetered() {
		RequestOrigin googlebot = new RequestOrigin("192.0.2.3", "Mozilla/5.0 (compatible; Googlebot/2.1)");
		int meteredBefore = meteredReads();
		List<Article> gated = List.of(ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid()),
				ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid()),
				ArticleFixtures.article(ids.incrementAndGet(), Visibility.paid()),
				ArticleFixtures.article(ids.incrementAndGet(), Visibility.tiers(Set.of("patron"))),
				ArticleFixtures.article(ids.incrementAndGet(), Visibility.members()));

		for (Article article : gated) {
			ReadableArticle readable = gate.open(article, null, googlebot);

			assertThat(readable.complete()).isTrue();
			assertThat(readable.verifiedCrawler()).isTrue();
			assertThat(readable.meterNotice()).isNull();
			assertThat(readable.bodyHtml()).contains("<div class=\"paywalled-content\">").contains("Paid-only");
		}
		assertThat(meteredReads()).isEqualTo(meteredBefore);
		ReadableArticle spoofed = gate.open(gated.get(0), null,
				new RequestOrigin("198.51.100.40", "Mozilla/5.0 (compatible; Googlebot/2.1)"));
		assertThat(spoofed.complete()).isFalse();
		assertThat(spoofed.verifiedCrawler()).isFalse();
	}

	@Test
	void theMeterNeverOpensMembersOnlyArticlesToAnonymousReaders() {
		ReadableArticle readable = gate
			.openAnonymously(ArticleFixtures.article(ids.incrementAndGet(), Visibility.members()));

		assertThat(readable.complete()).isFalse();
		assertThat(readable.paywall().remedy()).isEqualTo(Remedy.SIGN_UP);
	}

	private int meteredReads() {
		return jdbc.sql("select count(*) from access.metered_read").query(Integer.class).single();
	}

	private static SignedInMember staff(MemberRole role) {
		long id = ids.incrementAndGet();
		return new SignedInMember(id, "staff" + id + "@example.test", "Staff", role);
	}

	private static SignedInMember member() {
		long id = ids.incrementAndGet();
		return new SignedInMember(id, "reader" + id + "@example.test", "Reader", MemberRole.MEMBER);
	}

}
