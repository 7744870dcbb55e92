package org.backstory.publishing;

import java.util.Optional;

/**
 * An article body rendered and split at save time.
 *
 * @param previewHtml sanitised HTML every reader may see
 * @param gatedHtml sanitised HTML after the preview; empty for a public article (all preview), never empty for a
 * gated article with something in it
 * @param previewCapped whether the article is gated, has no usable paywall marker, and its preview was cut short
 * by {@link PreviewCut}'s limits: the writer should place the marker
 */
record RenderedBody(String previewHtml, String gatedHtml, boolean previewCapped) {

	/** What the editor and the publish page tell the writer about a capped preview. */
	static final String CAPPED_PREVIEW_WARNING = "This article is not public and has no paywall marker, so its free"
			+ " preview was cut short automatically: at most " + PreviewCut.PREVIEW_WORDS + " words and never more than"
			+ " half of the article (it may even be empty). Put the paywall marker (the Paywall button) where the free"
			+ " part should end.";

	/** The warning to show the writer, if the preview was capped. */
	Optional<String> warning() {
		return previewCapped ? Optional.of(CAPPED_PREVIEW_WARNING) : Optional.empty();
	}

}
