package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

				Third.

				- a list
				""");

		assertThat(body.previewHtml()).contains("<h1>A heading</h1>", "First.", "<blockquote>", "Second.")
			.doesNotContain("Third.");
		assertThat(body.gatedHtml()).startsWith("<p>Third.</p>").contains("<li>a list</li>");
	}

	@Test
	void aShortArticleWithoutAMarkerIsAllPreview() {
		RenderedBody body = renderer.render("Only one paragraph.");

		assertThat(body.previewHtml()).isEqualTo("<p>Only one paragraph.</p>\n");
		assertThat(body.gatedHtml()).isEmpty();
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

				Third.
				""");

		assertThat(body.previewHtml()).contains("&lt;!-- paywall --&gt;", "Second.").doesNotContain("Third.");
		assertThat(body.gatedHtml()).contains("Third.");
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
		RenderedBody body = renderer.render("## " + heading + "\n\nBackground.");

		assertThat(body.previewHtml()).startsWith("<section class=\"before-you-read\"><h2>");
	}

	@Test
	void onlyH2HeadingsOpenSections() {
		RenderedBody body = renderer.render("# Before you read\n\n### What's going on now\n\nText.");

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

				Three.
				""");

		assertThat(body.previewHtml()).endsWith("<p>Two.</p>\n</section>");
		assertThat(body.gatedHtml()).isEqualTo("<section class=\"before-you-read\"><p>Three.</p>\n</section>");
	}

	@Test
	void twoSectionsOfTheSameKindStayApart() {
		RenderedBody body = renderer.render("## Before you read\n\nA.\n\n## Before you read\n\nB.");

		assertThat(Jsoup.parseBodyFragment(body.previewHtml()).select("section.before-you-read")).hasSize(2);
	}

	@Test
	void authorHtmlCannotForgeASectionOrThePaywalledClass() {
		RenderedBody body = renderer.render("""
				<section class="paywalled-content"><div class="before-you-read" style="color:red">Forged</div></section>

				Text.
				""");

		assertThat(body.previewHtml()).doesNotContain("<section", "class=", "style=").contains("Forged");
	}

	@Test
	void linkReferencesDefinedAfterTheSplitStillResolveInThePreview() {
		RenderedBody body = renderer.render("See [the report][r].\n\n<!-- paywall -->\n\nMore.\n\n[r]: https://example.org/report");

		assertThat(body.previewHtml()).contains("href=\"https://example.org/report\"");
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
				""");

		String html = body.previewHtml() + body.gatedHtml();
		assertThat(html).contains("<table>", "<th align=\"left\">Year</th>", "<td align=\"right\">Talks</td>",
				"<ol>", "<code>inline</code>", "int x = 1 &lt; 2", "<blockquote>", "<hr>",
				"<img src=\"https://example.org/map.png\" alt=\"A map\" title=\"Map\" loading=\"lazy\">");
	}

	@Test
	void linksGetNofollowNoopenerAndRelativeLinksSurvive() {
		RenderedBody body = renderer.render("[out](https://example.org) and [in](/p/other-story) and [anchor](#notes)");

		Document html = Jsoup.parseBodyFragment(body.previewHtml());
		assertThat(html.select("a")).hasSize(3).allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow noopener"));
		assertThat(html.select("a").eachAttr("href")).containsExactly("https://example.org", "/p/other-story", "#notes");
	}

	private static void assertWellFormed(String html) {
		Document parsed = Jsoup.parseBodyFragment(html);
		parsed.outputSettings().prettyPrint(false);
		assertThat(parsed.body().html()).isEqualTo(html);
	}

}
