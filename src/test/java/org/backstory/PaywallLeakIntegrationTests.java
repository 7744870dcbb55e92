package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLookup;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.TagRef;
import org.backstory.publishing.Visibility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The paywall over the wire: for every demo reader, every demo reading page, the feed and the sitemap are
 * fetched over real HTTP, and every gated paragraph of every demo article that is not public must be absent from the
 * bytes of each response to a reader who may not read it (the feed is anonymous, so that is everyone), and
 * present on the article page for one who may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaywallLeakIntegrationTests {

	/** A demo reader and the most they may read. */
	enum DemoReader {

		ANONYMOUS(null, Visibility.Level.PUBLIC), FREE_MEMBER("reader@demo.test", Visibility.Level.MEMBERS),
		SUBSCRIBER("subscriber@demo.test", Visibility.Level.TIERS),
		LAPSED("lapsed@demo.test", Visibility.Level.MEMBERS), EDITOR("editor@demo.test", Visibility.Level.TIERS),
		OWNER("owner@demo.test", Visibility.Level.TIERS);

		final String email;

		final Visibility.Level mostItMayRead;

		DemoReader(String email, Visibility.Level mostItMayRead) {
			this.email = email;
			this.mostItMayRead = mostItMayRead;
		}

		/** Demo subscribers pay for the only tier, so the level order public < members < paid < tiers is enough. */
		boolean mayRead(Article article) {
			return article.visibility().level().compareTo(mostItMayRead) <= 0;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleCatalog catalog;

	List<Article> articles;

	List<String> pages;

	@BeforeAll
	void collectArticlesAndPages() throws IOException {
		Set<String> demoSlugs = new HashSet<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/articles/*.md")) {
			demoSlugs.add(file.getFilename().replaceFirst("^\\d+-", "").replaceFirst("\\.md$", ""));
		}
		List<ArticleSummary> demo = catalog.allPublished()
			.stream()
			.filter(summary -> demoSlugs.contains(summary.slug()))
			.toList();
		assertThat(demo).hasSize(demoSlugs.size());
		articles = demo.stream()
			.map(summary -> catalog.bySlug(summary.slug()).orElseThrow())
			.map(lookup -> ((ArticleLookup.Found) lookup).article())
			.filter(article -> article.visibility().gated())
			.sorted(Comparator.comparing(Article::slug))
			.toList();
		Set<String> paths = new LinkedHashSet<>(List.of("/", "/feed.xml", "/sitemap.xml"));
		for (ArticleSummary summary : demo) {
			paths.add("/p/" + summary.slug());
			summary.tags().stream().map(TagRef::slug).forEach(slug -> paths.add("/tag/" + slug));
			summary.authors().stream().map(AuthorRef::slug).forEach(slug -> paths.add("/author/" + slug));
			if (summary.storyline() != null) {
				paths.add("/story/" + summary.storyline().slug());
			}
		}
		pages = List.copyOf(paths);
		assertThat(articles).hasSizeGreaterThanOrEqualTo(6);
	}

	Stream<Arguments> readers() {
		return Arrays.stream(DemoReader.values()).map(Arguments::of);
	}

	@ParameterizedTest
	@MethodSource("readers")
	void gatedParagraphsReachOnlyReadersWhoMayReadThem(DemoReader reader) {
		Visitor visitor = new Visitor(port);
		if (reader.email != null) {
			assertThat(visitor.signIn(reader.email, "demo-password").status()).isEqualTo(302);
		}
		int checked = 0;
		for (String path : pages) {
			Visitor.Page page = visitor.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			for (Article article : articles) {
				boolean entitledHere = reader.mayRead(article) && path.equals("/p/" + article.slug());
				for (String paragraph : gatedParagraphs(article)) {
					if (entitledHere) {
						assertThat(page.body()).as("%s reading %s", reader, path).contains(paragraph);
					}
					else {
						assertThat(page.body()).as("%s reading %s leaks %s", reader, path, article.slug())
							.doesNotContain(paragraph);
					}
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(500);
	}

	/**
	 * A distinctive run of text from each gated block: the longest stretch without characters that HTML,
	 * XML or JSON might escape, so it matches the raw bytes of any response that carries the paragraph.
	 */
	private static List<String> gatedParagraphs(Article article) {
		List<String> snippets = new ArrayList<>();
		Jsoup.parseBodyFragment(article.gatedBody().html()).select("p, li, h3, blockquote").forEach(block -> {
			String longest = Arrays.stream(block.ownText().split("[&<>\"'\u2018\u2019\u201c\u201d\\\\]"))
				.map(String::strip)
				.max(Comparator.comparingInt(String::length))
				.orElse("");
			if (longest.length() >= 25) {
				snippets.add(longest);
			}
		});
		return snippets;
	}


}
