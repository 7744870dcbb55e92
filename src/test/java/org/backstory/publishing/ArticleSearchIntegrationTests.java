package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.backstory.members.MemberDirectory;
import org.backstory.shared.StartRefused;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search index kept right behind the scenes: tag names follow tagging and renames
 * (triggers), and a change of language switches the stemmer and recomputes every
 * article's vectors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleSearchIntegrationTests {

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	ArticleSearch search;

	@Autowired
	Taxonomy taxonomy;

	@Autowired
	SearchLanguage language;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final List<Long> articles = new ArrayList<>();

	private String author;

	@BeforeEach
	void author() {
		author = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).author().slug();
	}

	@AfterEach
	void takeBackTheArticles() {
		articles.forEach(systemPublisher::unpublish);
	}

	@Test
	void tagNamesFollowTaggingAndRenames() {
		String before = word("tagold");
		String after = word("tagnew");
		Tag tag = taxonomyCreator.createTag(ArticleFixtures.unique("search-tag"), "Tag " + before);
		String slug = ArticleFixtures.unique("search-index");
		long id = publish(slug, "Tagged article", List.of(tag.slug()));
		assertThat(found(before)).containsExactly(id);

		long editorId = directory.findByEmail("editor@demo.test").orElseThrow().id();
		taxonomy.editTag(editorId, tag.id(), tag.slug(), "Tag " + after, "");
		assertThat(found(before)).isEmpty();
		assertThat(found(after)).containsExactly(id);

		editor.save(draft(id, slug, "Tagged article", List.of()));
		assertThat(found(after)).isEmpty();
	}

	@Test
	void aNewLanguageSwitchesTheStemmerAndRecomputesTheVectors() {
		String word = word("stemmy");
		long id = publish(ArticleFixtures.unique("search-index"), "The harbours of " + word, List.of());
		assertThat(found("harbour " + word)).containsExactly(id);
		try {
			language.apply("simple");
			assertThat(language.current()).isEqualTo("simple");
			assertThat(found("harbour " + word)).isEmpty();
			assertThat(found("harbours " + word)).containsExactly(id);
		}
		finally {
			language.apply("english");
		}
		assertThat(language.current()).isEqualTo("english");
		assertThat(found("harbour " + word)).containsExactly(id);
	}

	@Test
	void aLanguagePostgresqlCannotStemStopsTheStart() {
		SearchLanguage klingon = new SearchLanguage(new SearchSettingsRepository(jdbc), transactions,
				new SearchProperties("klingon"));

		assertThatThrownBy(klingon::afterPropertiesSet).isInstanceOf(StartRefused.class)
			.hasMessage("BACKSTORY_SEARCH_LANGUAGE=klingon is not a language PostgreSQL can stem.")
			.satisfies(
					refused -> assertThat(((StartRefused) refused).action()).contains("english", "french", "simple"));
	}

	private long publish(String slug, String title, List<String> tags) {
		long id = editor.save(draft(null, slug, title, tags));
		systemPublisher.publishNow(id);
		articles.add(id);
		return id;
	}

	private ArticleDraft draft(@Nullable Long id, String slug, String title, List<String> tags) {
		return new ArticleDraft(id, slug, title, "", "A body.", List.of(author), tags, null, null, null,
				Visibility.everyone());
	}

	private List<Long> found(String query) {
		return search
			.search(new SearchRequest(query, SearchReach.previewsOnly(), SearchOrder.RELEVANCE, null, null, null, 10,
					0))
			.articles()
			.stream()
			.map(Article::id)
			.toList();
	}

	/** A word of letters only that no other article has. */
	private static String word(String stem) {
		StringBuilder word = new StringBuilder(stem);
		for (char c : ArticleFixtures.unique("").toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				word.append(Character.isDigit(c) ? (char) ('a' + c - '0') : c);
			}
		}
		return word.toString();
	}

}
