package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EditorialRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "thaw", "the-long-thaw", "part-2-of-3", "2026" })
	void acceptsLowercaseWordsJoinedByHyphens(String slug) {
		assertThat(EditorialRules.slugProblem("The slug", slug)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Thaw", "the--thaw", "-thaw", "thaw-", "the thaw", "thaw/2", "thé", "../etc" })
	void rejectsAnythingElseAsASlug(String slug) {
		assertThat(EditorialRules.slugProblem("The slug", slug)).hasValueSatisfying(
				problem -> assertThat(problem).startsWith("The slug '").contains("lowercase letters and digits"));
	}

	@Test
	void rejectsSlugsOverAHundredCharacters() {
		assertThat(EditorialRules.slugProblem("The slug", "a".repeat(101))).isPresent();
		assertThat(EditorialRules.slugProblem("The slug", "a".repeat(100))).isEmpty();
	}

	@Test
	void aGoodDraftHasNoProblems() {
		assertThat(EditorialRules.problems(draft("Title", "Dek", "Body", null))).isEmpty();
	}

	@Test
	void listsEveryProblemOfABadDraftAtOnce() {
		ArticleDraft bad = new ArticleDraft(null, "Bad Slug", " \u0001 ", "d".repeat(301), "  ", List.of(),
				List.of("world", "world"), null, 3, "javascript:alert(1)", Visibility.everyone());

		assertThat(EditorialRules.problems(bad)).containsExactly(
				"The article's slug 'Bad Slug' must be lowercase letters and digits in words joined by single hyphens, at most 100 characters.",
				"The title must not be empty.", "The dek must be at most 300 characters.",
				"The body must not be empty.", "An article needs at least one author.",
				"The tag 'world' is listed twice.", "A storyline position needs a storyline.",
				"The cover image must be an http or https address of at most 2000 characters.");
	}

	@Test
	void limitsTitleLengthAfterTrimming() {
		assertThat(EditorialRules.problems(draft("t".repeat(200), "", "Body", null))).isEmpty();
		assertThat(EditorialRules.problems(draft("  " + "t".repeat(200) + "  ", "", "Body", null))).isEmpty();
		assertThat(EditorialRules.problems(draft("t".repeat(201), "", "Body", null)))
			.containsExactly("The title must be at most 200 characters.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://images.example/a.jpg", "http://images.example/a.jpg?x=1" })
	void acceptsWebCoverImages(String url) {
		assertThat(EditorialRules.problems(draft("Title", "", "Body", url))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "data:image/png;base64,AAAA", "/relative.jpg", "ftp://x.example/a",
			"https://", "not a url" })
	void rejectsOtherCoverImages(String url) {
		assertThat(EditorialRules.problems(draft("Title", "", "Body", url))).hasSize(1);
	}

	@Test
	void plainTextLosesControlCharactersAndSurroundingBlanks() {
		assertThat(EditorialRules.plain("  A\u0000 title\u0007\t \n")).isEqualTo("A title");
		assertThat(EditorialRules.withoutControls("line\none\ttab\u001b[31m")).isEqualTo("line\none\ttab[31m");
	}

	private static ArticleDraft draft(String title, String dek, String body, String cover) {
		return new ArticleDraft(null, "a-slug", title, dek, body, List.of("ana"), List.of(), null, null, cover,
				Visibility.everyone());
	}

}
