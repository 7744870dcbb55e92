package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The split of a body into preview and gated half, and how each half is rendered. Tests
 * about rendering alone render a public article (all preview).
 */
class ArticleRendererTests {

	private final ArticleRenderer renderer = new ArticleRenderer();

	@Test
	void previewEndsAtThePaywallMarker() {
		RenderedBody body = renderer.render("""
				First.

				Second.

				Third.

				<!-- paywall -->

				Fourth.
				""");

		assertThat(body.previewHtml()).isEqualTo("<p>First.</p>\n<p>Second.</p>\n<p>Third.</p>\n");
		assertThat(body.gatedHtml()).isEqualTo("<p>Fourth.</p>\n");
	}

	@Test
	void withoutAMarkerThePreviewIsTheBlocksUpToTheSecondParagraph() {
		RenderedBody body = renderer.render("""
				# A heading

				First.

				> A quote

				Second.

				Third, which goes on for a while so that the opening is less than half of the article.

				- a list
				""");

		assertThat(body.previewHtml()).contains("<h1>A heading</h1>", "First.", "<blockquote>", "Second.")
			.doesNotContain("Third");
		assertThat(body.gatedHtml()).startsWith("<p>Third,").contains("<li>a list</li>");
		assertThat(body.previewCapped()).isFalse();
	}

	@Test
	void aPublicArticleIsAllPreviewInOneParse() {
		RenderedBody body = renderer.render("""
				Only [one][r] paragraph.

				Two.

				Three.

				<!-- paywall -->

				Four.

				[r]: https://example.org/one
				""", false);

		assertThat(body.previewHtml()).contains("href=\"https://example.org/one\"", "Two.", "Three.", "Four.")
			.doesNotContain("paywall");
		assertThat(body.gatedHtml()).isEmpty();
		assertThat(body.previewCapped()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("awkwardShapes")
	void aGatedArticleWithoutTwoOpeningParagraphsKeepsItsEndGated(String shape, String markdown) {
		RenderedBody body = renderer.render(markdown);

		assertThat(body.gatedHtml()).as(shape).contains("the end of it");
		assertThat(body.previewHtml()).as(shape).doesNotContain("the end of it");
		assertThat(body.previewCapped()).as(shape).isTrue();
		assertWellFormed(body.previewHtml());
		assertWellFormed(body.gatedHtml());
	}

	static Stream<Arguments> awkwardShapes() {
		return Stream.of(Arguments.of("one short paragraph", "A paragraph with the end of it."),
				Arguments.of("two paragraphs", "The first paragraph.\n\nThe second, the end of it."),
				Arguments.of("a list", "- one\n- two\n- three\n- the end of it"),
				Arguments.of("a list of one item", "- a single item with the end of it"),
				Arguments.of("a table", "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | the end of it |"),
				Arguments.of("code", "```\nint a;\n// the end of it\n```"),
				Arguments.of("indented code", "    int a;\n    // the end of it"),
				Arguments.of("headings", "# One\n\n## Two\n\n### Three\n\n#### the end of it"),
				Arguments.of("a quote", "> Quoted words until the end of it."),
				Arguments.of("raw HTML", "<div>Some words and the end of it</div>"),
				Arguments.of("a paragraph and a table",
						"Intro words here.\n\n| a | b |\n|---|---|\n| 1 | the end of it |"),
				Arguments.of("a marker with nothing after it", "A paragraph with the end of it.\n\n<!-- paywall -->\n"),
				Arguments.of("a long paragraph", "Word ".repeat(400) + "the end of it."));
	}

	@Test
	void aLongParagraphIsCutAfterTheWordLimitNeverInsideALinkOrEmphasis() {
		String words = "word ".repeat(PreviewCut.PREVIEW_WORDS - 2);
		RenderedBody body = renderer.render(
				words + "[a linked phrase](https://example.org/x) and *an emphasised phrase* " + "word ".repeat(400));

		assertThat(body.previewHtml()).startsWith("<p>word word").endsWith("word…</p>\n").doesNotContain("<a", "<em>");
		assertThat(body.gatedHtml()).startsWith("<p>…<a href=\"https://example.org/x\"")
			.contains("<em>an emphasised phrase</em>");
		assertThat(Jsoup.parseBodyFragment(body.previewHtml()).text().split(" ")).hasSize(PreviewCut.PREVIEW_WORDS - 2);
	}

	@Test
	void aListIsCutBetweenItemsAndAnOrderedOneKeepsCounting() {
		RenderedBody body = renderer.render("1. one two\n2. three four\n3. five six\n4. seven eight\n5. nine ten\n");

		assertThat(body.previewHtml()).isEqualTo("<ol>\n<li>one two</li>\n<li>three four</li>\n</ol>\n");
		assertThat(body.gatedHtml())
			.isEqualTo("<ol start=\"3\">\n<li>five six</li>\n<li>seven eight</li>\n<li>nine ten</li>\n</ol>\n");
	}

	@Test
	void theOpeningNeverPassesTheWordLimit() {
		String paragraph = "word ".repeat(100) + "\n\n";
		RenderedBody body = renderer.render(paragraph.repeat(6));

		assertThat(Jsoup.parseBodyFragment(body.previewHtml()).text().split(" ")).hasSize(PreviewCut.PREVIEW_WORDS);
		assertThat(body.previewCapped()).isTrue();
	}

	@Test
	void htmlBlocksOfManyCommentsOrUnclosedTagsAreWeighedInOnePass() {
		RenderedBody comments = renderer.render("<!-- a -->".repeat(5_000) + " visible");
		RenderedBody unclosed = renderer.render("<div>\n" + "<".repeat(100_000) + "\n\nAfter that, the end.");

		assertThat(comments.previewHtml()).isEmpty();
		assertThat(comments.gatedHtml()).isEqualToIgnoringWhitespace("visible");
		assertThat(unclosed.previewHtml()).contains("&lt;&lt;&lt;").doesNotContain("the end");
		assertThat(unclosed.gatedHtml()).contains("the end.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>one two three four five six</script>", "</div>\n\n</div>\n\n</div>",
			"<!-- one two three four five six -->", "<!-- one two three four five six",
			"[a]: /a\n\n[b]: /b\n\n[c]: /c" })
	void whatNoReaderSeesCannotStandInForTheGatedPart(String invisible) {
		RenderedBody body = renderer.render("Secret words here.\n\n" + invisible);
		RenderedBody marked = renderer.render("Secret words here.\n\n<!-- paywall -->\n\n" + invisible);

		assertThat(body.previewHtml()).doesNotContain("here");
		assertThat(body.gatedHtml()).contains("here.");
		assertThat(marked.previewHtml()).doesNotContain("here");
		assertThat(marked.previewCapped()).isTrue();
	}

	@Test
	void anArticleOfNothingButLinkDefinitionsHasNothingToGate() {
		RenderedBody body = renderer.render("[a]: https://example.org/a\n\n<!-- a note -->\n");

		assertThat(body.previewHtml()).isEmpty();
		assertThat(body.gatedHtml()).isEmpty();
		assertThat(body.previewCapped()).isFalse();
	}

	@Test
	void theMarkerNeverAppearsInTheOutput() {
		RenderedBody body = renderer.render("One.\n\n<!--   PAYWALL -->\n\nTwo.\n\n<!-- paywall -->\n\nThree.");

		assertThat(body.previewHtml()).isEqualTo("<p>One.</p>\n");
		assertThat(body.gatedHtml()).contains("Two.", "Three.").doesNotContain("<!--").doesNotContain("paywall");
	}

	@Test
	void aMarkerInsideACodeBlockIsCodeNotTheSplit() {
		RenderedBody body = renderer.render("""
				Intro.

				```
				<!-- paywall -->
				```

				Second.

				Third, long enough to keep the opening under half of the words.
				""");

		assertThat(body.previewHtml()).contains("&lt;!-- paywall --&gt;", "Second.").doesNotContain("Third");
		assertThat(body.gatedHtml()).contains("Third,");
	}

	@Test
	void aMarkerDirectlyAfterAParagraphLineStillSplits() {
		RenderedBody body = renderer.render("Free text.\n<!-- paywall -->\nPaid text.");

		assertThat(body.previewHtml()).contains("Free text.").doesNotContain("Paid text.");
		assertThat(body.gatedHtml()).contains("Paid text.");
	}

	@Test
	void aMarkerAtTheTopGatesEverything() {
		RenderedBody body = renderer.render("<!-- paywall -->\n\nAll paid.");

		assertThat(body.previewHtml()).isEmpty();
		assertThat(body.gatedHtml()).isEqualTo("<p>All paid.</p>\n");
	}

	@Test
	void houseSectionsWrapTheirHeadingAndBlocksUntilTheNextH2() {
		RenderedBody body = renderer.render("""
				Lede.

				## Before you read

				Background one.

				### A sub-heading stays inside

				Background two.

				## What's going on now

				Current one.

				## Analysis

				Outside any section.

				<!-- paywall -->

				Paid.
				""");

		Document preview = Jsoup.parseBodyFragment(body.previewHtml());
		Element before = preview.selectFirst("section.before-you-read");
		Element now = preview.selectFirst("section.whats-going-on-now");
		assertThat(before).isNotNull();
		assertThat(now).isNotNull();
		assertThat(before.child(0).outerHtml()).isEqualTo("<h2>Before you read</h2>");
		assertThat(before.text()).contains("Background one.", "A sub-heading stays inside", "Background two.")
			.doesNotContain("Current one.");
		assertThat(now.child(0).text()).isEqualTo("What's going on now");
		assertThat(now.text()).contains("Current one.").doesNotContain("Analysis");
		assertThat(preview.select("section").text()).doesNotContain("Outside any section.");
		assertThat(body.previewHtml()).startsWith("<p>Lede.</p>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "What's going on now", "What’s going on now", "WHAT'S GOING ON NOW:", "Whats going on now",
			"what’s going on now :", "What's  going on now?" })
	void currentSectionHeadingsMatchWhateverTheApostropheCaseOrColon(String heading) {
		RenderedBody body = renderer.render("## " + heading + "\n\nNow.\n\n<!-- paywall -->\n\nLater.");

		assertThat(body.previewHtml()).startsWith("<section class=\"whats-going-on-now\"><h2>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Before you read", "before you read:", "BEFORE YOU READ", "Before *you* read" })
	void backgroundSectionHeadingsMatchWhateverTheCaseOrEmphasis(String heading) {
		RenderedBody body = renderer.render("## " + heading + "\n\nBackground.", false);

		assertThat(body.previewHtml()).startsWith("<section class=\"before-you-read\"><h2>");
	}

	@Test
	void onlyH2HeadingsOpenSections() {
		RenderedBody body = renderer.render("# Before you read\n\n### What's going on now\n\nText.", false);

		assertThat(body.previewHtml()).doesNotContain("<section");
	}

	@Test
	void aSectionCutByThePaywallContinuesInTheGatedHalf() {
		RenderedBody body = renderer.render("""
				## What's going on now

				Free part of the section.

				<!-- paywall -->

				Paid part of the section.

				## Elsewhere

				Paid, outside.
				""");

		assertThat(body.previewHtml()).isEqualTo(
				"<section class=\"whats-going-on-now\"><h2>What's going on now</h2>\n<p>Free part of the section.</p>\n</section>");
		assertThat(body.gatedHtml()).startsWith(
				"<section class=\"whats-going-on-now\"><p>Paid part of the section.</p>\n</section><h2>Elsewhere</h2>");
		assertWellFormed(body.previewHtml());
		assertWellFormed(body.gatedHtml());
	}

	@Test
	void theTwoParagraphSplitAlsoContinuesTheSection() {
		RenderedBody body = renderer.render("""
				## Before you read

				One.

				Two.

				Three, four, five, six and seven.
				""");

		assertThat(body.previewHtml()).endsWith("<p>Two.</p>\n</section>");
		assertThat(body.gatedHtml())
			.isEqualTo("<section class=\"before-you-read\"><p>Three, four, five, six and seven.</p>\n</section>");
	}

	@Test
	void aCapCutInsideASectionContinuesItToo() {
		RenderedBody body = renderer.render("## What's going on now\n\n" + "word ".repeat(300));

		assertThat(body.previewHtml()).startsWith("<section class=\"whats-going-on-now\"><h2>")
			.endsWith("…</p>\n</section>");
		assertThat(body.gatedHtml()).startsWith("<section class=\"whats-going-on-now\"><p>…word");
		assertWellFormed(body.previewHtml());
		assertWellFormed(body.gatedHtml());
	}

	@Test
	void twoSectionsOfTheSameKindStayApart() {
		RenderedBody body = renderer.render("## Before you read\n\nA.\n\n## Before you read\n\nB.", false);

		assertThat(Jsoup.parseBodyFragment(body.previewHtml()).select("section.before-you-read")).hasSize(2);
	}

	@Test
	void authorHtmlCannotForgeASectionOrThePaywalledClass() {
		RenderedBody body = renderer.render("""
				<section class="paywalled-content"><div class="before-you-read" style="color:red">Forged</div></section>

				Text.
				""", false);

		assertThat(body.previewHtml()).doesNotContain("<section", "class=", "style=").contains("Forged");
	}

	@Test
	void aLinkDefinedBelowTheMarkerDoesNotResolveInThePreview() {
		RenderedBody body = renderer.render("""
				See [x] and [the report][x].

				<!-- paywall -->

				Read [the report][x].

				[x]: https://secret.example/paid-url "paid title"
				""");

		assertThat(body.previewHtml()).isEqualTo("<p>See [x] and [the report][x].</p>\n");
		assertThat(body.gatedHtml()).contains("href=\"https://secret.example/paid-url\"", "title=\"paid title\"");
	}

	@Test
	void aLinkDefinedAboveTheMarkerResolvesOnBothSides() {
		RenderedBody body = renderer.render("""
				See [the report][r].

				> [r]: https://example.org/report
				>  "The report"

				<!-- paywall -->

				Read [the report][r] again.
				""");

		assertThat(body.previewHtml()).contains("href=\"https://example.org/report\"");
		assertThat(body.gatedHtml()).isEqualTo(
				"<p>Read <a href=\"https://example.org/report\" title=\"The report\" rel=\"nofollow noopener\">the report</a> again.</p>\n");
	}

	@Test
	void nothingBelowTheCutChangesThePreview() {
		String free = "A free paragraph that cites [x] and ends\n";

		RenderedBody plain = renderer.render(free + "\n<!-- paywall -->\n\nPaid.");
		RenderedBody tricky = renderer.render(free + "\n<!-- paywall -->\n\n[x]: /paid\n\nPaid.\n===\n\n```");

		assertThat(tricky.previewHtml()).isEqualTo(plain.previewHtml());
	}

	@Test
	void rendersTablesListsCodeQuotesAndImages() {
		RenderedBody body = renderer.render("""
				| Year | Event |
				|:-----|------:|
				| 1991 | Talks |

				1. one
				2. two

				`inline` and

				```java
				int x = 1 < 2 ? 1 : 0;
				```

				> quoted

				![A map](https://example.org/map.png "Map")

				---
				""", false);

		String html = body.previewHtml() + body.gatedHtml();
		assertThat(html).contains("<table>", "<th align=\"left\">Year</th>", "<td align=\"right\">Talks</td>", "<ol>",
				"<code>inline</code>", "int x = 1 &lt; 2", "<blockquote>", "<hr>",
				"<img src=\"https://example.org/map.png\" alt=\"A map\" title=\"Map\" loading=\"lazy\">");
	}

	@Test
	void linksGetNofollowNoopenerAndRelativeLinksSurvive() {
		RenderedBody body = renderer.render("[out](https://example.org) and [in](/p/other-story) and [anchor](#notes)",
				false);

		Document html = Jsoup.parseBodyFragment(body.previewHtml());
		assertThat(html.select("a")).hasSize(3)
			.allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow noopener"));
		assertThat(html.select("a").eachAttr("href")).containsExactly("https://example.org", "/p/other-story",
				"#notes");
	}

	private static void assertWellFormed(String html) {
		Document parsed = Jsoup.parseBodyFragment(html);
		parsed.outputSettings().prettyPrint(false);
		assertThat(parsed.body().html()).isEqualTo(html);
	}

}
