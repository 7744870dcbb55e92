package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * How {@link ArticleRenderer} renders a piece in the house format, and where it cuts a
 * gated one.
 */
class HouseFormatRenderingTests {

	private final ArticleRenderer renderer = new ArticleRenderer();

	private static final HouseText TEXT = new HouseText("Lede.", "Background one.\n\nBackground two.",
			"Now one.\n\nNow two.");

	@Test
	void aPublicPieceIsAllPreviewEachPartWholeInItsSectionUnderTheLabel() {
		RenderedBody body = renderer.render(TEXT, false, HouseLabels.DEFAULTS);

		assertThat(body.previewHtml()).isEqualTo("<p>Lede.</p>\n"
				+ "<section class=\"before-you-read\"><h2>Before you read</h2><p>Background one.</p>\n<p>Background two.</p>\n</section>"
				+ "<section class=\"whats-going-on-now\"><h2>What's going on now</h2><p>Now one.</p>\n<p>Now two.</p>\n</section>");
		assertThat(body.gatedHtml()).isEmpty();
	}

	@Test
	void byDefaultAGatedPiecesPreviewIsTheOpeningAndTheBackgroundAndTheNowPartIsGatedWhole() {
		RenderedBody body = renderer.render(TEXT, true, HouseLabels.DEFAULTS);

		assertThat(body.previewHtml()).contains("Lede.", "Background one.", "Background two.")
			.doesNotContain("Now one", "whats-going-on-now");
		assertThat(body.gatedHtml()).isEqualTo("<section class=\"whats-going-on-now\"><h2>What's going on now</h2>"
				+ "<p>Now one.</p>\n<p>Now two.</p>\n</section>");
		assertThat(body.warning()).isEmpty();
	}

	@Test
	void aMarkerInTheNowPartMovesTheCutThereAndTheGatedHalfContinuesTheSection() {
		HouseText text = new HouseText("Lede.", "Background.", "Now one.\n\n<!-- paywall -->\n\nNow two.");

		RenderedBody body = renderer.render(text, true, HouseLabels.DEFAULTS);

		assertThat(body.previewHtml())
			.endsWith("<section class=\"whats-going-on-now\"><h2>What's going on now</h2>"
					+ "<p>Now one.</p>\n</section>")
			.contains("Background.")
			.doesNotContain("Now two", "paywall");
		assertThat(body.gatedHtml())
			.isEqualTo("<section class=\"whats-going-on-now continued\"><p>Now two.</p>\n</section>");
	}

	@Test
	void aMarkerAtTheStartOrEndOfTheNowPartLeavesTheDefaultCut() {
		RenderedBody atStart = renderer.render(new HouseText("", "Background.", "<!-- paywall -->\n\nNow."), true,
				HouseLabels.DEFAULTS);
		RenderedBody atEnd = renderer.render(new HouseText("", "Background.", "Now.\n\n<!-- paywall -->"), true,
				HouseLabels.DEFAULTS);

		assertThat(atStart.previewHtml()).doesNotContain("Now.");
		assertThat(atStart.gatedHtml()).startsWith("<section class=\"whats-going-on-now\"><h2>").contains("Now.");
		assertThat(atEnd.previewHtml()).doesNotContain("Now.");
		assertThat(atEnd.gatedHtml()).contains("Now.");
	}

	@Test
	void aMarkerInTheBackgroundOrOpeningOfAGatedPieceIsRefusedAndNowhereElse() {
		HouseText inBackground = new HouseText("Lede.", "One.\n\n<!-- paywall -->\n\nTwo.", "Now.");
		HouseText inOpening = new HouseText("Lede.\n\n<!-- paywall -->\n\nMore lede.", "Background.", "Now.");

		assertThat(renderer.markerProblems(inBackground, true))
			.containsExactly(HouseFormatRenderer.MARKER_IN_BACKGROUND);
		assertThat(renderer.markerProblems(inOpening, true)).containsExactly(HouseFormatRenderer.MARKER_IN_OPENING);
		assertThat(renderer.markerProblems(inBackground, false)).isEmpty();
		assertThat(renderer.markerProblems(HouseText.of("One.\n\n<!-- paywall -->\n\nTwo."), true)).isEmpty();
		assertThat(renderer.markerProblems(new HouseText("", "Background.", "A.\n\n<!-- paywall -->\n\nB."), true))
			.isEmpty();
	}

	@Test
	void aGatedPieceWithoutANowPartGatesItsBackgroundAndSaysSo() {
		RenderedBody body = renderer.render(new HouseText("Lede.", "Background.", ""), true, HouseLabels.DEFAULTS);

		assertThat(body.previewHtml()).isEqualTo("<p>Lede.</p>\n");
		assertThat(body.gatedHtml()).startsWith("<section class=\"before-you-read\"><h2>Before you read</h2>")
			.contains("Background.");
		assertThat(body.warning()).contains(RenderedBody.BACKGROUND_GATED_WARNING);
		assertThat(body.previewCapped()).isFalse();
	}

	@Test
	void theLabelsAreTheHeadingsEscaped() {
		RenderedBody body = renderer.render(TEXT, false, new HouseLabels("<b>Know</b> & more", "Now \"now\""));

		assertThat(body.previewHtml()).contains("<h2>&lt;b&gt;Know&lt;/b&gt; &amp; more</h2>", "<h2>Now \"now\"</h2>")
			.doesNotContain("Before you read", "<b>");
	}

	@Test
	void authorHtmlInAPartCannotCloseOrForgeASection() {
		RenderedBody body = renderer.render(new HouseText("", "A.\n\n</section><section class=\"x\">B.", "Now."), true,
				HouseLabels.DEFAULTS);

		Document preview = Jsoup.parseBodyFragment(body.previewHtml());
		assertThat(preview.select("section")).hasSize(1);
		assertThat(preview.select("section.before-you-read").text()).contains("A.", "B.");
	}

	@Test
	void linksDefinedInThePreviewWorkEverywhereAndNothingGatedReachesThePreview() {
		HouseText text = new HouseText("See [the map][map].\n\n[map]: https://example.com/map",
				"As [the ruling][ruling] says.",
				"Read [the map][map] and [the ruling][ruling].\n\n" + "[ruling]: https://secret.example/paid");

		RenderedBody body = renderer.render(text, true, HouseLabels.DEFAULTS);

		assertThat(body.previewHtml()).contains("href=\"https://example.com/map\"")
			.doesNotContain("secret.example")
			.contains("[the ruling][ruling]");
		assertThat(body.gatedHtml()).contains("href=\"https://example.com/map\"",
				"href=\"https://secret.example/paid\"");
	}

	@Test
	void theCutForMentionsAndQuotesPutsTheNowPartOnTheGatedSide() {
		PreviewCut.Cut cut = renderer
			.cut(new HouseText("Lede.", "Background.", "Now one.\n\n<!-- paywall -->\n\nNow two."), true);

		assertThat(cut.previewSource()).contains("Lede.", "Background.", "Now one.").doesNotContain("Now two.");
		assertThat(cut.gatedSource()).contains("Now two.").doesNotContain("Now one.");
		assertThat(renderer.cut(TEXT, false).gatedSource()).isEmpty();
	}

	@Test
	void aFreeStandingBodyIsRenderedAsBefore() {
		String markdown = "Lede.\n\n## Before you read\n\nOne.\n\n<!-- paywall -->\n\nTwo.\n\n## What's going on now\n\nNow.";

		RenderedBody body = renderer.render(HouseText.of(markdown), true, HouseLabels.DEFAULTS);

		assertThat(body).isEqualTo(renderer.render(markdown));
	}

}
