package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.ArticleMention;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Saving an article finds the entities it names; the editor's page lists them with ticked
 * boxes, and unticking one rejects it for that article, also at later saves, until it is
 * ticked again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MentionConfirmationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	Entities entities;

	@Test
	void theEditorKeepsOrRejectsTheMentionsFoundAtSave() {
		Newsroom newsroom = new Newsroom(port, members);
		Visitor editor = newsroom.staff(MemberRole.EDITOR);
		Entity free = seeded();
		Entity gated = seeded();
		Map<String, String> fields = Newsroom
			.with(Newsroom.fields(Newsroom.slug("mentions"), Newsroom.ownAuthor(editor)), "body", "The free part names "
					+ free.aliases().get(0) + ".\n\n<!-- paywall -->\n\nThe gated part names " + gated.name() + ".");
		long id = Newsroom.write(editor, fields);
		String path = "/admin/articles/" + id;

		Document page = editor.get(path).document();
		assertThat(page.select(".editor-mentions input[name=kept]").eachAttr("value"))
			.containsExactlyInAnyOrder(String.valueOf(free.id()), String.valueOf(gated.id()));
		assertThat(page.select(".editor-mentions input[name=kept][checked]")).hasSize(2);
		assertThat(page.select(".editor-mentions label:contains(" + gated.name() + ") small").text())
			.isEqualTo("(named in the gated part only)");

		Visitor.Page confirmed = editor.submit(path, path + "/mentions", Map.of(), "kept",
				List.of(String.valueOf(free.id())));

		assertThat(confirmed.status()).isEqualTo(302);
		assertThat(entities.mentionsOf(id)).containsExactlyInAnyOrder(
				new ArticleMention(free.id(), free.slug(), free.name(), false, true),
				new ArticleMention(gated.id(), gated.slug(), gated.name(), false, false));
		assertThat(
				editor.follow(path).document().select(".editor-mentions input[name=kept][checked]").eachAttr("value"))
			.containsExactly(String.valueOf(free.id()));

		Visitor.Page saved = editor.submit(path, path, Newsroom.with(fields, "title", "Saved again"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(entities.mentionsOf(id)).extracting(ArticleMention::entityId, ArticleMention::confirmed)
			.containsExactlyInAnyOrder(tuple(free.id(), true), tuple(gated.id(), false));

		editor.submit(path, path + "/mentions", Map.of(), "kept",
				List.of(String.valueOf(free.id()), String.valueOf(gated.id())));
		assertThat(entities.mentionsOf(id)).containsExactlyInAnyOrder(
				new ArticleMention(free.id(), free.slug(), free.name(), false, true),
				new ArticleMention(gated.id(), gated.slug(), gated.name(), true, true));
	}

	@Test
	void staffWhoMayNotEditTheArticleCannotChangeItsMentions() {
		Newsroom newsroom = new Newsroom(port, members);
		Visitor editor = newsroom.staff(MemberRole.EDITOR);
		Entity named = seeded();
		long id = Newsroom.write(editor,
				Newsroom.with(Newsroom.fields(Newsroom.slug("mentions"), Newsroom.ownAuthor(editor)), "body",
						"This names " + named.name() + "."));
		Visitor contributor = newsroom.staff(MemberRole.CONTRIBUTOR);

		Visitor.Page refused = contributor.post("/admin/articles/" + id + "/mentions",
				Map.of("_csrf", Newsroom.csrf(contributor, "/admin/articles/new")));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(entities.mentionsOf(id)).extracting(ArticleMention::confirmed).containsExactly(true);
	}

	private Entity seeded() {
		String slug = ArticleFixtures.unique("named");
		return entities.seed("person", slug, "Named " + slug, "", List.of("Alias " + slug));
	}

}
