package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Following a storyline (issue 14 §2) over HTTP: the button on article and storyline
 * pages (a form with the CSRF token for a signed-in reader, a sign-in link that comes
 * back for anyone else), the list on {@code /account/following} with "Unfollow", the
 * follows deleted with the account and moved by a storyline merge, and the follower
 * counts editors see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorylineFollowIntegrationTests {

	@LocalServerPort
	int port;

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

	private final List<Long> published = new ArrayList<>();

	@AfterEach
	void unpublish() {
		published.forEach(systemPublisher::unpublish);
		published.clear();
	}

	@Test
	void aReaderFollowsFromAnArticlePageAndUnfollowsFromTheStorylinePage() {
		Storyline story = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).storyline();
		ArticleDraft part = publishPart(story);
		Visitor reader = member("follower");
		String article = "/p/" + part.slug();

		assertThat(reader.get(article).document().select("form.follow-form button").text())
			.isEqualTo("Follow this story");
		Visitor.Page followed = reader.submit(article, "/account/following/" + story.slug(), Map.of());

		assertThat(followed.status()).isEqualTo(303);
		assertThat(followed.header("Location")).endsWith(article);
		assertThat(followers(story)).isOne();
		Document storyPage = reader.get("/story/" + story.slug()).document();
		assertThat(storyPage.select("form.follow-form button").text()).isEqualTo("Following ✓ — unfollow");
		assertThat(reader.get(article).document().select("form.follow-form button").text())
			.isEqualTo("Following ✓ — unfollow");

		Visitor.Page unfollowed = reader.submit("/story/" + story.slug(),
				"/account/following/" + story.slug() + "/unfollow", Map.of());

		assertThat(unfollowed.header("Location")).endsWith("/story/" + story.slug());
		assertThat(followers(story)).isZero();
		assertThat(reader.get("/story/" + story.slug()).document().select("form.follow-form button").text())
			.isEqualTo("Follow this story");
	}

	@Test
	void anAnonymousReaderIsSentToSignInAndComesBackToTheStory() {
		Storyline story = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).storyline();
		publishPart(story);
		String email = MemberFixtures.reader(members, "anonymous-follower");
		Visitor anonymous = new Visitor(port);

		Visitor.Page page = anonymous.get("/story/" + story.slug());
		String link = page.document().select("#follow a.follow-button").attr("href");

		assertThat(link).isEqualTo("/login?next=%2Fstory%2F" + story.slug());
		assertThat(page.document().select("form.follow-form")).isEmpty();
		assertThat(page.header("Cache-Control")).isEqualTo("public, max-age=60");
		assertThat(anonymous.post("/account/following/" + story.slug(), Map.of()).status()).isEqualTo(403);
		Visitor.Page signedIn = anonymous.submit(link, "/login",
				Map.of("email", email, "password", MemberFixtures.PASSWORD));
		assertThat(signedIn.header("Location")).endsWith("/story/" + story.slug());
		assertThat(anonymous.get("/story/" + story.slug()).document().select("form.follow-form button").text())
			.isEqualTo("Follow this story");
		assertThat(followers(story)).isZero();
	}

	@Test
	void followingNeedsTheFormsCsrfTokenAndAStorylineThatExists() {
		Storyline story = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).storyline();
		publishPart(story);
		Visitor reader = member("forger");
		reader.get("/story/" + story.slug());

		assertThat(reader.post("/account/following/" + story.slug(), Map.of()).status()).isEqualTo(403);
		assertThat(reader
			.submit("/story/" + story.slug(), "/account/following/" + story.slug(),
					Map.of("back", "https://evil.example/"))
			.header("Location")).endsWith("/story/" + story.slug());
		reader.submit("/story/" + story.slug(), "/account/following/" + story.slug() + "/unfollow", Map.of());
		String token = reader.get("/account/following").document().select("input[name=_csrf]").attr("value");
		assertThat(reader.post("/account/following/no-such-story", Map.of("_csrf", token)).status()).isEqualTo(404);
		assertThat(followers(story)).isZero();
	}

	@Test
	void theAccountListsFollowedStorylinesWithUnfollow() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		Storyline first = fixtures.storyline();
		Storyline second = fixtures.storyline();
		publishPart(first);
		publishPart(second);
		Visitor reader = member("lister");
		reader.submit("/story/" + first.slug(), "/account/following/" + first.slug(), Map.of());
		reader.submit("/story/" + second.slug(), "/account/following/" + second.slug(), Map.of());

		assertThat(reader.get("/account").document().select("a[href=/account/following]")).hasSize(1);
		Visitor.Page list = reader.get("/account/following");
		assertThat(list.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(list.document().select("table.following td a").eachAttr("href"))
			.containsExactlyInAnyOrder("/story/" + first.slug(), "/story/" + second.slug());

		Visitor.Page unfollowed = reader.submit("/account/following",
				"/account/following/" + first.slug() + "/unfollow", Map.of());

		assertThat(unfollowed.header("Location")).endsWith("/account/following");
		Document after = reader.get("/account/following").document();
		assertThat(after.select("table.following td a").eachAttr("href")).containsExactly("/story/" + second.slug());
		assertThat(after.select(".notice").text()).isEqualTo("You no longer follow " + first.title() + ".");
	}

	@Test
	void followsAreDeletedWithTheAccount() {
		Storyline story = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).storyline();
		publishPart(story);
		Visitor reader = member("leaving-follower");
		reader.submit("/story/" + story.slug(), "/account/following/" + story.slug(), Map.of());
		assertThat(followers(story)).isOne();

		Visitor.Page deleted = reader.submit("/account/delete", "/account/delete",
				Map.of("password", MemberFixtures.PASSWORD));

		assertThat(deleted.header("Location")).endsWith("/goodbye");
		assertThat(followers(story)).isZero();
	}

	@Test
	void editorsSeeFollowerCountsAndAMergeMovesTheFollowersToTheSurvivingStoryline() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		Storyline merged = fixtures.storyline();
		Storyline surviving = fixtures.storyline();
		publishPart(merged);
		publishPart(surviving);
		Visitor both = member("follows-both");
		both.submit("/story/" + merged.slug(), "/account/following/" + merged.slug(), Map.of());
		both.submit("/story/" + surviving.slug(), "/account/following/" + surviving.slug(), Map.of());
		Visitor one = member("follows-merged");
		one.submit("/story/" + merged.slug(), "/account/following/" + merged.slug(), Map.of());
		Visitor staff = Visitor.demoAccount(port, "editor@demo.test");

		assertThat(staff.get("/admin/storylines/" + merged.id()).document().select("p.followers").text())
			.startsWith("2 followers");
		assertThat(staff.get("/admin/storylines")
			.document()
			.select("tr:has(a[href=/admin/storylines/" + surviving.id() + "]) td.followers")
			.text()).isEqualTo("1");

		Visitor.Page merge = staff.submit("/admin/storylines/" + merged.id(),
				"/admin/storylines/" + merged.id() + "/merge", Map.of("into", String.valueOf(surviving.id())));

		assertThat(merge.status()).isEqualTo(303);
		assertThat(followers(merged)).isZero();
		assertThat(followers(surviving)).isEqualTo(2);
		assertThat(staff.get("/admin/storylines/" + surviving.id()).document().select("p.followers").text())
			.startsWith("2 followers");
	}

	private ArticleDraft publishPart(Storyline story) {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		ArticleDraft draft = fixtures.part(story, Visibility.everyone());
		long id = fixtures.publish(draft);
		published.add(id);
		return draft.withId(id);
	}

	private Visitor member(String who) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.reader(members, who), MemberFixtures.PASSWORD);
		return visitor;
	}

	private long followers(Storyline story) {
		return jdbc.sql("select count(*) from newsletters.storyline_follow where storyline_id = :s")
			.param("s", story.id())
			.query(Long.class)
			.single();
	}

}
