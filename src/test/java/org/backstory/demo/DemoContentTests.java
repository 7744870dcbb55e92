package org.backstory.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import java.util.stream.Collectors;

import org.backstory.demo.DemoContent.DemoArticle;
import org.junit.jupiter.api.Test;

class DemoContentTests {

	private final DemoContent content = DemoContent.load();

	@Test
	void hasTheMixOfArticlesTheDemoPromises() {
		Map<String, Long> byVisibility = content.articles()
			.stream()
			.collect(Collectors.groupingBy(a -> a.get("visibility").startsWith("tiers:") ? "paid" : a.get("visibility"),
					Collectors.counting()));

		assertThat(content.articles()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(byVisibility.get("public")).isGreaterThanOrEqualTo(2);
		assertThat(byVisibility.get("members")).isGreaterThanOrEqualTo(1);
		assertThat(byVisibility.get("paid")).isGreaterThanOrEqualTo(5);
		assertThat(content.articles().stream().filter(a -> a.find("storyline") != null)).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void everyArticleIsInTheHouseFormat() {
		assertThat(content.articles()).allSatisfy(article -> {
			assertThat(article.markdown()).contains("\n## Before you read\n").contains("\n## What's going on now\n");
			assertThat(article.get("dek")).hasSizeLessThanOrEqualTo(200);
		});
	}

	@Test
	void readsPublicationAuthorsTagsAndStorylines() {
		assertThat(content.publication()).containsEntry("name", "The Undercurrent")
			.containsEntry("legal_name", "Undercurrent Media Cooperative Ltd")
			.containsEntry("postal_address", "7 Ropewalk Yard\nSaltmarsh SM1 4QX\nUnited Kingdom");
		assertThat(content.authors()).allSatisfy(author -> assertThat(author).hasSize(3));
		assertThat(content.tags()).isNotEmpty().allSatisfy(tag -> assertThat(tag).hasSize(2));
		assertThat(content.storylines()).hasSize(1);
	}

	@Test
	void splitsFrontMatterAtTheFirstColon() {
		DemoArticle article = DemoContent.parseArticle("---\ntitle: Summits: a history\nslug: s\n---\n\nBody.\n");

		assertThat(article.get("title")).isEqualTo("Summits: a history");
		assertThat(article.markdown()).isEqualTo("Body.\n");
	}

	@Test
	void rejectsUnknownKeysSoATypoFailsLoudly() {
		assertThatIllegalStateException().isThrownBy(() -> DemoContent.parseArticle("---\ntitel: Oops\n---\nBody\n"))
			.withMessageContaining("titel");
	}

}
