package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reader who read paid articles through the anonymous meter (3 a month) and then signs
 * up and confirms their address on the same browser, over HTTP (issue 16 §3): the
 * articles their signed cookie names stay open to the new free member at no cost, and in
 * that month the member's allowance (1 a month here) is at least the anonymous reads they
 * still had, so signing up never leaves them fewer. A forged cookie carries nothing. Puts
 * both allowances back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousReadsAtSignupIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeteringSettings metering;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	final List<ArticleDraft> paid = new ArrayList<>();

	int anonymousBefore;

	Optional<Integer> freeBefore;

	@BeforeAll
	void publishArticles() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		for (int i = 0; i < 4; i++) {
			paid.add(fixtures.published(Visibility.paid()));
		}
	}

	@BeforeEach
	void setTheMeters() {
		anonymousBefore = metering.anonymousReadsPerMonth();
		freeBefore = AccessProbe.meteredReads(jdbc);
		metering.changeAnonymous(3);
		metering.change(1);
	}

	@AfterEach
	void putTheMetersBack() {
		metering.changeAnonymous(anonymousBefore);
		metering.change(freeBefore.orElse(metering.defaultFreeReadsPerMonth()));
		AccessProbe.putBackMeteredReads(jdbc, freeBefore);
	}

	@AfterAll
	void unpublish() {
		paid.forEach(draft -> systemPublisher.unpublish(draft.id()));
	}

	@Test
	void articlesReadBeforeSigningUpStayOpenAtNoCostAndTheReadsLeftComeAlong() {
		Visitor reader = new Visitor(port);
		assertThat(reader.get(path(paid.get(0)) + "?free").body()).contains(gated(paid.get(0)));
		assertThat(notice(reader.get(path(paid.get(0))))).isEqualTo("2 of 3 free articles left this month.");

		String email = signUpAndConfirm(reader);

		Visitor.Page again = reader.get(path(paid.get(0)));
		assertThat(again.body()).as("read before signing up: still open").contains(gated(paid.get(0)));
		assertThat(notice(again)).isEqualTo("You read this article before you signed up, so it stays open to you "
				+ "this month at no cost. You have 2 of your 2 free articles left.");
		Visitor.Page second = reader.get(path(paid.get(1)));
		Visitor.Page third = reader.get(path(paid.get(2)));
		Visitor.Page fourth = reader.get(path(paid.get(3)));

		assertThat(second.body()).contains(gated(paid.get(1)));
		assertThat(notice(second)).as("the 2 anonymous reads left, though free members get 1")
			.isEqualTo("This is one of your 2 free articles this month. You have 1 left.");
		assertThat(third.body()).contains(gated(paid.get(2)));
		assertThat(notice(third)).isEqualTo("This is one of your 2 free articles this month. You have 0 left.");
		assertThat(fourth.body()).doesNotContain(gated(paid.get(3)));
		assertThat(fourth.document().select(".paywall-box").text())
			.contains("You've read your 2 free articles this month.");
		assertThat(reader.get(path(paid.get(0))).body()).as("and the carried one stays open")
			.contains(gated(paid.get(0)));
		assertThat(carried(email)).isEqualTo(1);
	}

	@Test
	void aForgedCookieCarriesNothing() {
		Visitor anonymous = new Visitor(port);
		anonymous.get(path(paid.get(3)) + "?free");
		String[] parts = anonymous.cookie(RequestOrigin.METER_COOKIE).split("\\.");
		Visitor reader = new Visitor(port);
		reader.plantCookie(RequestOrigin.METER_COOKIE, parts[0] + "." + paid.get(0).id() + "." + parts[2]);

		String email = signUpAndConfirm(reader);

		assertThat(carried(email)).isZero();
		Visitor.Page page = reader.get(path(paid.get(0)));
		assertThat(notice(page)).as("a new read, which costs one of the 3 reads a fresh meter has")
			.isEqualTo("This is one of your 3 free articles this month. You have 2 left.");
	}

	private String signUpAndConfirm(Visitor reader) {
		String email = MemberFixtures.uniqueEmail("carried-reads");
		assertThat(reader.submit("/signup", "/signup", Map.of("email", email, "name", "Carrie Reader")).status())
			.isEqualTo(200);
		Visitor.Page confirmed = reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of());
		assertThat(confirmed.status()).isEqualTo(302);
		return email;
	}

	private int carried(String email) {
		long member = members.findByEmail(email).orElseThrow().id();
		return jdbc.sql("select count(*) from access.metered_read where member_id = :member and carried")
			.param("member", member)
			.query(Integer.class)
			.single();
	}

	private static String notice(Visitor.Page page) {
		return page.document().select(".notice").text();
	}

	private static String path(ArticleDraft article) {
		return "/p/" + article.slug();
	}

	private static String gated(ArticleDraft article) {
		return "Gated paragraph of " + article.slug();
	}

}
