package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlBodiesTests {

	private final ArticleRenderer renderer = new ArticleRenderer();

	@Test
	void ghostsMembersOnlyCommentBecomesThePaywallAndSplitsTheArticleThere() {
		String markdown = HtmlBodies.markdownOf("<p>Free <em>part</em>.</p><!--members-only--><p>Paid part.</p>");
		assertThat(markdown).isEqualTo("<p>Free <em>part</em>.</p>\n\n<!-- paywall -->\n\n<p>Paid part.</p>");
		RenderedBody body = renderer.render(markdown, true);
		assertThat(body.previewHtml()).contains("Free <em>part</em>.").doesNotContain("Paid part");
		assertThat(body.gatedHtml()).contains("Paid part.");
	}

	@Test
	void headingsBecomeMarkdownHeadingsSoHouseSectionsOpen() {
		String markdown = HtmlBodies.markdownOf("<h2>Before you read</h2><p>Context *here*.</p>");
		assertThat(markdown).startsWith("## Before you read\n\n");
		assertThat(renderer.render(markdown, false).previewHtml()).contains("Context *here*.");
	}

	@Test
	void inlineRunsBecomeParagraphsAndOtherCommentsGo() {
		assertThat(HtmlBodies
			.markdownOf("Loose <strong>text</strong><!-- a card --> <img src=\"/a.png\"><ul><li>one</li></ul>"))
			.isEqualTo("<p>Loose <strong>text</strong> <img src=\"/a.png\"></p>\n\n<ul><li>one</li></ul>");
	}

	@Test
	void aBlankLineInsideABlockCannotEndItsHtmlBlockEarly() {
		String markdown = HtmlBodies.markdownOf("<blockquote><p>One</p>\n\n   \n<p>Two</p></blockquote>");
		assertThat(markdown).isEqualTo("<blockquote><p>One</p>\n<p>Two</p></blockquote>");
		assertThat(renderer.render(markdown, false).previewHtml()).contains("<blockquote>").contains("Two");
	}

	@Test
	void whiteSpaceThatCountsKeepsItsLineBreaksAsReferencesAndOtherBlankLinesCollapse() {
		String markdown = HtmlBodies
			.markdownOf("<blockquote><p>Quoted</p>\n\n<pre>one\n\nthree</pre></blockquote>\n\nLoose\n\ntext");
		assertThat(markdown).isEqualTo(
				"<blockquote><p>Quoted</p>&#10;&#10;<pre>one&#10;&#10;three</pre></blockquote>\n\n<p>Loose\ntext</p>");
		assertThat(renderer.render(markdown, false).previewHtml()).contains("one\n\nthree").contains("Loose");
	}

	@Test
	void aBodyH1CountsAsAnH2AndEmptyHeadingsGo() {
		assertThat(HtmlBodies.markdownOf("<h1>Q&amp;A <b>x</b></h1><h1>Q&amp;A</h1><h3> </h3><p>x</p>"))
			.isEqualTo("<h1>Q&amp;A <b>x</b></h1>\n\n## Q&amp;A\n\n<p>x</p>");
	}

	@Test
	void aParsedBodyIsConvertedInPlaceAndItsPaywallIsFound() {
		Element body = Jsoup.parseBodyFragment("<p>Free</p><div><!--members-only--></div><!-- paywall --><p>Paid</p>")
			.body();
		String markdown = HtmlBodies.markdownOf(body);
		assertThat(markdown).isEqualTo("<p>Free</p>\n\n<div></div>\n\n<!-- paywall -->\n\n<p>Paid</p>");
		assertThat(HtmlBodies.hasPaywall(markdown)).isTrue();
		assertThat(HtmlBodies.hasPaywall("<p>No &lt;!-- paywall --&gt; here</p>")).isFalse();
	}

}
