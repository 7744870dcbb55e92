package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.EntityKind;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Editors keep the list of people, places and organisations at /admin/entities, and make
 * entities from tags.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EntityAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Entities entities;

	@Test
	void anEditorCreatesAnEntityWithAliasesAndItGetsAPage() {
		Visitor editorVisitor = newsroom().staff(MemberRole.EDITOR);
		String unique = ArticleFixtures.unique("x");

		Visitor.Page created = editorVisitor.submit("/admin/entities", "/admin/entities",
				fields("organisation", "", "Tamsel Fisheries Board " + unique,
						"  Fisheries Board " + unique + "\n\nthe board " + unique + "\n",
						"Counts the fish. <b>Really</b>."));

		assertThat(created.status()).isEqualTo(303);
		Document list = editorVisitor.follow("/admin/entities").document();
		assertThat(list.select("p.notice").text()).isEqualTo("Tamsel Fisheries Board " + unique + " created.");
		String slug = "tamsel-fisheries-board-" + unique;
		assertThat(list.select("table.entities tr:has(code:containsOwn(" + slug + ")) td").eachText()).containsExactly(
				"Tamsel Fisheries Board " + unique, "Organisation", slug,
				"Fisheries Board " + unique + ", the board " + unique, "Edit");
		Entity entity = entities.entity(slug).orElseThrow();
		assertThat(entity.aliases()).containsExactly("Fisheries Board " + unique, "the board " + unique);
		Visitor.Page page = new Visitor(port).get("/who/" + slug);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("h1").text()).isEqualTo("Tamsel Fisheries Board " + unique);
		assertThat(page.document().select(".listing-header .bio").text()).isEqualTo("Counts the fish. <b>Really</b>.");
		assertThat(page.body()).doesNotContain("<b>Really</b>");
	}

	@Test
	void badEntitiesComeBackWith422TheTypedValuesAndNothingWritten() {
		Visitor editorVisitor = newsroom().staff(MemberRole.EDITOR);
		Entity existing = seeded();
		int before = entities.entities().size();

		Visitor.Page empty = editorVisitor.submit("/admin/entities", "/admin/entities",
				fields("person", "some-slug", " ", "An alias", ""));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.document().select(".error p").eachText())
			.containsExactly("The entity's name must not be empty.");
		assertThat(empty.document().select("input[name=slug]").val()).isEqualTo("some-slug");
		assertThat(empty.document().select("textarea[name=aliases]").val()).isEqualTo("An alias");

		Visitor.Page kind = editorVisitor.submit("/admin/entities", "/admin/entities",
				fields("planet", "", "Somebody " + ArticleFixtures.unique("k"), "", ""));
		assertThat(kind.status()).isEqualTo(422);
		assertThat(kind.document().select(".error p").eachText())
			.containsExactly("Choose whether the entity is a person, a country or place, or an organisation.");

		Visitor.Page slugTaken = editorVisitor.submit("/admin/entities", "/admin/entities",
				fields("person", existing.slug(), "Another " + ArticleFixtures.unique("n"), "", ""));
		assertThat(slugTaken.status()).isEqualTo(422);
		assertThat(slugTaken.document().select(".error p").eachText())
			.containsExactly("The slug '" + existing.slug() + "' is already used by " + existing.name() + ".");

		String alias = existing.aliases().get(0);
		Visitor.Page aliasTaken = editorVisitor.submit("/admin/entities", "/admin/entities",
				fields("person", "", "Someone " + ArticleFixtures.unique("a"), alias.toUpperCase(), ""));
		assertThat(aliasTaken.status()).isEqualTo(422);
		assertThat(aliasTaken.document().select(".error p").eachText()).containsExactly(
				"The name '" + alias.toUpperCase() + "' is already a name or alias of " + existing.name() + ".");

		Visitor.Page nameTaken = editorVisitor.submit("/admin/entities/" + existing.id(),
				"/admin/entities/" + existing.id(), fields("person", existing.slug(), seeded().name(), "", ""));
		assertThat(nameTaken.status()).isEqualTo(422);
		assertThat(nameTaken.document().select(".error p").text()).contains("is already a name or alias of");

		assertThat(entities.entities()).hasSize(before + 1);
		assertThat(entities.entity(existing.id())).contains(existing);
	}

	@Test
	void anEditorChangesAnEntityAndDeletesIt() {
		Visitor editorVisitor = newsroom().staff(MemberRole.EDITOR);
		Entity entity = seeded();
		String path = "/admin/entities/" + entity.id();

		Visitor.Page saved = editorVisitor.submit(path, path,
				fields("place", entity.slug(), entity.name(), "Only alias " + entity.slug(), "A new bio."));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(editorVisitor.follow(path).document().select("p.notice").text())
			.isEqualTo(entity.name() + " saved.");
		assertThat(entities.entity(entity.id())).contains(new Entity(entity.id(), EntityKind.PLACE, entity.slug(),
				entity.name(), "A new bio.", List.of("Only alias " + entity.slug())));

		Visitor.Page deleted = editorVisitor.submit(path, path + "/delete", Map.of());

		assertThat(deleted.status()).isEqualTo(303);
		assertThat(entities.entity(entity.id())).isEmpty();
		assertThat(new Visitor(port).get("/who/" + entity.slug()).status()).isEqualTo(404);
		assertThat(editorVisitor.get(path).status()).isEqualTo(404);
	}

	@Test
	void aTagsPageMakesAnEntityWithTheTagsNameAndSlugOnce() {
		Visitor editorVisitor = newsroom().staff(MemberRole.EDITOR);
		Tag tag = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).tag();
		String tagPage = "/admin/tags/" + tag.id();

		Visitor.Page made = editorVisitor.submit(tagPage, "/admin/entities/from-tag", Map.of());

		assertThat(made.status()).isEqualTo(303);
		Entity entity = entities.entity(tag.slug()).orElseThrow();
		assertThat(made.header("Location")).endsWith("/admin/entities/" + entity.id());
		assertThat(entity.name()).isEqualTo(tag.name());
		assertThat(entity.kind()).isEqualTo(EntityKind.PERSON);
		Visitor.Page again = editorVisitor.submit(tagPage, "/admin/entities/from-tag", Map.of());
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.document().select(".error p").eachText())
			.contains("The slug '" + tag.slug() + "' is already used by " + tag.name() + ".");
	}

	@Test
	void aPostWithoutTheCsrfFieldIsRefusedAndWritesNothing() {
		Visitor editorVisitor = newsroom().staff(MemberRole.EDITOR);
		String name = "Forged " + ArticleFixtures.unique("f");

		Visitor.Page forged = editorVisitor.post("/admin/entities", fields("person", "", name, "", ""));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(entities.entities()).noneMatch(entity -> entity.name().equals(name));
	}

	@Test
	void theAdminPageLinksToEntitiesForEditorsOnly() {
		assertThat(
				newsroom().staff(MemberRole.EDITOR).get("/admin").document().select("a[href=/admin/entities]").text())
			.isEqualTo("People, places and organisations");
		assertThat(newsroom().staff(MemberRole.AUTHOR).get("/admin").document().select("a[href=/admin/entities]"))
			.isEmpty();
	}

	private Entity seeded() {
		String slug = ArticleFixtures.unique("person");
		return entities.seed("person", slug, "Person " + slug, "", List.of("Alias " + slug));
	}

	private static Map<String, String> fields(String kind, String slug, String name, String aliases, String bio) {
		Map<String, String> fields = new HashMap<>();
		fields.put("kind", kind);
		fields.put("slug", slug);
		fields.put("name", name);
		fields.put("aliases", aliases);
		fields.put("bio", bio);
		return fields;
	}

	private Newsroom newsroom() {
		return new Newsroom(port, members);
	}

}
