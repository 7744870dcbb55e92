package org.backstory.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlBodyTests {

	@Test
	void ghostsMembersOnlyCommentBecomesThePaywallLineAndCardCommentsAndGhostUrlsGo() {
		HtmlBody.Converted body = HtmlBody.convert("<p>Free <a href=\"__GHOST_URL__/other/\">link</a></p>"
				+ "<!--kg-card-begin: html--><div>Card</div><!--kg-card-end: html--><!--members-only--><p>Paid</p>",
				HtmlBody.Flavour.GHOST);

		assertThat(body.broken()).isNull();
		assertThat(body.marker()).isTrue();
		assertThat(body.markdown()).isEqualTo(
				"<p>Free <a href=\"/other/\">link</a></p>\n\n<div>Card</div>\n\n<!-- paywall -->\n\n<p>Paid</p>");
	}

	@Test
	void plainHeadingsBecomeMarkdownHeadingsSoHouseSectionsOpen() {
		HtmlBody.Converted body = HtmlBody
			.convert("<h2>Before you read</h2><p>x</p><h1>A *big* [one]</h1><h3>Small</h3>", HtmlBody.Flavour.GHOST);

		assertThat(body.markdown())
			.isEqualTo("## Before you read\n\n<p>x</p>\n\n## A \\*big\\* \\[one\\]\n\n### Small");
	}

	@Test
	void aBlockWithBlankLinesInsideStaysOneHtmlBlock() {
		HtmlBody.Converted body = HtmlBody.convert("<pre><code>line one\n\nline three</code></pre>",
				HtmlBody.Flavour.GHOST);

		assertThat(body.markdown()).isEqualTo("<pre><code>line one&#10;&#10;line three</code></pre>");
	}

	@Test
	void looseTextAndInlineElementsAtTheTopAreWrappedInAParagraph() {
		HtmlBody.Converted body = HtmlBody.convert("Loose <em>text</em><p>Next</p>", HtmlBody.Flavour.GHOST);

		assertThat(body.markdown()).isEqualTo("<p>Loose <em>text</em></p>\n\n<p>Next</p>");
	}

	@Test
	void htmlTheParserHasToRepairIsBroken() {
		assertThat(HtmlBody.convert("<p>Open <em>never closed</p>", HtmlBody.Flavour.GHOST).broken())
			.startsWith("broken HTML at 1:")
			.contains("</p>");
		assertThat(HtmlBody.convert("<div><p>open", HtmlBody.Flavour.SUBSTACK).broken()).contains("EOF");
		assertThat(HtmlBody.convert("<p>fine</p>", HtmlBody.Flavour.SUBSTACK).broken()).isNull();
	}

	@Test
	void substacksPaywallJumpWidgetsEmptyParagraphsAndCdnWrappersAreHandled() {
		HtmlBody.Converted body = HtmlBody.convert("<p>Free</p><p></p>"
				+ "<div class=\"subscription-widget-wrap\"><p>Subscribe</p></div>"
				+ "<div class=\"captioned-image-container\"><figure><img src=\"https://substackcdn.com/image/fetch/w_1456,f_auto/"
				+ "https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2Fa.jpg\" srcset=\"x 1w\">"
				+ "<figcaption>Cap</figcaption></figure></div>"
				+ "<div><div class=\"paywall-jump\"></div></div><p>Paid</p>", HtmlBody.Flavour.SUBSTACK);

		assertThat(body.marker()).isTrue();
		assertThat(body.markdown()).isEqualTo(
				"<p>Free</p>\n\n<figure><img src=\"https://substack-post-media.s3.amazonaws.com/public/images/a.jpg\">"
						+ "<figcaption>Cap</figcaption></figure>\n\n<!-- paywall -->\n\n<div></div>\n\n<p>Paid</p>");
	}

}
