package org.backstory.publishing;

import java.util.List;

import org.commonmark.node.Node;

/**
 * Turns an article's Markdown into its two stored halves: the free preview and the gated
 * rest. Pure and thread-safe. A piece in the house format is rendered by
 * {@link HouseFormatRenderer}; this class renders a free-standing body.
 * <p>
 * A public article is all preview. A gated one is cut by {@link PreviewCut}: at a
 * top-level line {@code <!-- paywall -->} with something visible after it; without one,
 * after the first two top-level paragraphs but never more than
 * {@value PreviewCut#PREVIEW_WORDS} words nor half of what a reader sees of the article
 * (a paragraph is then cut before a word, a list between items, other blocks are never
 * cut), so the gated half of a gated article with anything to see always has something to
 * see. Each half is then parsed and rendered from its own Markdown alone, so nothing
 * below the cut (a link reference definition, say) can change the preview's HTML; the
 * gated half is given the preview's link definitions, which are public, so a link defined
 * above the cut still works below it.
 * <p>
 * H2 headings named "Before you read" and "What's going on now" open house sections that
 * run to the next H2; a section cut by the split is continued, with the same class, at
 * the start of the gated half, so both halves are well-formed on their own. Each run of
 * blocks is sanitised before the trusted section tags are put around it, so author HTML
 * can never forge them.
 */
final class ArticleRenderer {

	private final MarkdownHtml html = new MarkdownHtml();

	private final PreviewCut previewCut = new PreviewCut(html::visibleSize);

	private final HouseFormatRenderer houseFormat = new HouseFormatRenderer(html, previewCut);

	/**
	 * The article's text rendered into its two stored halves: a free-standing body as
	 * below, a piece in the house format by {@link HouseFormatRenderer}. A public article
	 * ({@code gated} false) is all preview.
	 */
	RenderedBody render(HouseText text, boolean gated, HouseLabels labels) {
		if (text.formatted()) {
			return houseFormat.render(text, gated, labels);
		}
		return render(text.body(), gated);
	}

	/**
	 * A free-standing body split as below, or a public one ({@code gated} false) all
	 * preview.
	 */
	RenderedBody render(String markdown, boolean gated) {
		if (!gated) {
			return new RenderedBody(html.renderHalf(html.parse(markdown), null).html(), "", false, false);
		}
		return render(markdown);
	}

	/**
	 * Where the text splits into free preview and gated part, as Markdown; a public
	 * article is all preview.
	 */
	PreviewCut.Cut cut(HouseText text, boolean gated) {
		if (text.formatted()) {
			return houseFormat.cut(text, gated);
		}
		return gated ? previewCut.of(text.body(), html.parse(text.body())) : new PreviewCut.Cut(text.body(), "", false);
	}

	/**
	 * Why the text cannot be saved with this visibility: a gated piece in the house
	 * format takes the paywall marker only in its now part.
	 */
	List<String> markerProblems(HouseText text, boolean gated) {
		if (!gated || !text.formatted()) {
			return List.of();
		}
		return houseFormat.markerProblems(text);
	}

	/**
	 * Whether a gated piece in the house format keeps exactly the preview its body had as
	 * one free-standing text: its only paywall marker sits in the now part with something
	 * before and after it, so the cut falls at the same place.
	 */
	boolean cutsAtSamePlace(HouseText parts) {
		return markerProblems(parts, true).isEmpty() && houseFormat.cutsAtMarkerInNow(parts);
	}

	/** The body of a gated free-standing article, split into preview and gated half. */
	RenderedBody render(String markdown) {
		PreviewCut.Cut cut = previewCut.of(markdown, html.parse(markdown));
		Node preview = html.parse(cut.previewSource());
		MarkdownHtml.Half free = html.renderHalf(preview, null);
		String gatedSource = cut.gatedSource().isBlank() ? ""
				: MarkdownHtml.definitionsIn(cut.previewSource(), preview) + cut.gatedSource();
		return new RenderedBody(free.html(), html.renderHalf(html.parse(gatedSource), free.openSection()).html(),
				cut.capped(), false);
	}

}
