package org.backstory.imports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.PublishingProbe;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator at {@code /admin/import}, over HTTP with real cookies and CSRF. */
record ImportDesk(long id, Visitor visitor) {

	static final String PAGE = "/admin/import";

	static ImportDesk signedIn(int port, MemberDirectory directory) {
		String email = MemberFixtures.account(directory, "importer", MemberRole.ADMINISTRATOR);
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		return new ImportDesk(directory.findByEmail(email).orElseThrow().id(), visitor);
	}

	/** Uploads the file through the page's form: the dry run. */
	Visitor.Page upload(String fileName, byte[] content) {
		return visitor.upload(PAGE, PAGE, "file", fileName, content);
	}

	/** Presses the dry run's Import button. */
	Visitor.Page confirm(Visitor.Page dryRun) {
		Element form = dryRun.document().selectFirst("form.import-confirm");
		assertThat(form).as("an Import button on the dry run (status " + dryRun.status() + ")").isNotNull();
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		return visitor.post(form.attr("action"), fields);
	}

	/** The dry run's post rows by slug. */
	static Map<String, Element> postRows(Visitor.Page dryRun) {
		Map<String, Element> rows = new LinkedHashMap<>();
		dryRun.document().select("tr.import-post").forEach(row -> rows.put(row.attr("data-slug"), row));
		return rows;
	}

	static String cell(Map<String, Element> rows, String slug, String column) {
		assertThat(rows).containsKey(slug);
		return rows.get(slug).selectFirst("td.import-" + column).text();
	}

	/**
	 * Deletes the articles and storylines a test imported (found by its run token), so
	 * lists and feeds are as before.
	 */
	static void removeImports(JdbcClient jdbc, String run) {
		PublishingProbe.forgetArticles(jdbc,
				jdbc.sql("select target_id from imports.imported_item where kind = 'article' and source_key like :run")
					.param("run", "%" + run + "%")
					.query(Long.class)
					.list());
		jdbc.sql("delete from imports.imported_item where kind = 'article' and source_key like :run")
			.param("run", "%" + run + "%")
			.update();
		PublishingProbe.forgetStorylinesWithSlugLike(jdbc, "%" + run + "%");
	}

}
