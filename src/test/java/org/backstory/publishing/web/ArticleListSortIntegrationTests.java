package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff article list sorts on the server by the column its header names, in either
 * direction; an unknown column or direction falls back to the usual order, never an
 * error; the headers say the sort with {@code aria-sort} and keep the filters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleListSortIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	private Visitor editor;

	private String word;

	@BeforeEach
	void threeArticles() {
		editor = new Newsroom(port, directory).staff(MemberRole.EDITOR);
		word = Newsroom.slug("sortword").replace("-", "");
		String author = Newsroom.ownAuthor(editor);
		for (String title : List.of("Mango", "Apple", "Zucchini")) {
			Newsroom.write(editor, Newsroom.with(Newsroom.fields(Newsroom.slug(title.toLowerCase()), author), "title",
					title + " " + word));
		}
	}

	private List<String> titles(String query) {
		Document page = editor.get("/admin/articles?q=" + word + query).document();
		return page.select("table.staff-table tbody tr td:first-child a").eachText();
	}

	@Test
	void sortsByTitleEitherWay() {
		assertThat(titles("&sort=title&dir=asc")).containsExactly("Apple " + word, "Mango " + word, "Zucchini " + word);
		assertThat(titles("&sort=title&dir=desc")).containsExactly("Zucchini " + word, "Mango " + word,
				"Apple " + word);
	}

	@Test
	void aDateColumnSortsLatestFirstUnlessAskedOtherwise() {
		assertThat(titles("&sort=updated")).containsExactly("Zucchini " + word, "Apple " + word, "Mango " + word);
		assertThat(titles("&sort=when&dir=asc")).containsExactly("Mango " + word, "Apple " + word, "Zucchini " + word);
	}

	@Test
	void anUnknownColumnOrDirectionFallsBackWithoutAnError() {
		Visitor.Page bad = editor.get("/admin/articles?q=" + word + "&sort=drop%20table&dir=sideways");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.document().select("th[aria-sort]")).isEmpty();
		assertThat(titles("&sort=a.id;--")).hasSize(3);
		assertThat(titles("&sort=title&dir=sideways")).containsExactly("Apple " + word, "Mango " + word,
				"Zucchini " + word);
	}

	@Test
	void theHeadersSayTheSortAndKeepTheFilters() {
		Document page = editor.get("/admin/articles?q=" + word + "&status=draft&sort=title&dir=asc").document();

		assertThat(page.select("th[aria-sort]").eachText()).containsExactly("Title▲");
		assertThat(page.selectFirst("th[aria-sort]").attr("aria-sort")).isEqualTo("ascending");
		assertThat(page.selectFirst("th[aria-sort] a").attr("href"))
			.isEqualTo("/admin/articles?status=draft&q=" + word + "&sort=title&dir=desc");
		assertThat(page.select("th:not([aria-sort]) a.sort").eachAttr("href"))
			.contains("/admin/articles?status=draft&q=" + word + "&sort=when&dir=desc");
		assertThat(page.select("form.filters input[name=sort]").attr("value")).isEqualTo("title");
	}

}
