package org.backstory.publishing;

import java.util.Optional;

/**
 * An article body rendered and split at save time.
 *
 * @param previewHtml sanitised HTML every reader may see
 * @param gatedHtml sanitised HTML after the preview; empty for a public article (all
 * preview), never empty for a gated article with something in it
 * @param previewCapped whether the article is gated, has no usable paywall marker, and
 * its preview was cut short by {@link PreviewCut}'s limits: the writer should place the
 * marker
 * @param backgroundGated whether the article is gated and in the house format without a
 * now part, so its background is gated too (what subscribers pay for is the now part)
 */
record RenderedBody(String previewHtml, String gatedHtml, boolean previewCapped, boolean backgroundGated) {

	/** What the editor and the publish page tell the writer about a capped preview. */
	static final String CAPPED_PREVIEW_WARNING = "This article is not public and has no paywall marker, so its free"
			+ " preview was cut short automatically: at most " + PreviewCut.PREVIEW_WORDS + " words and never more than"
			+ " half of the article (it may even be empty). Put the paywall marker (the Paywall button) where the free"
			+ " part should end.";

	/**
	 * What the editor tells the writer about a gated article in the house format without
	 * a now part.
	 */
	static final String BACKGROUND_GATED_WARNING = "This article is not public and has no now part, so its background"
			+ " is gated too and readers without access see only the opening. The now part is what subscribers pay for:"
			+ " write it, and the background becomes the free preview.";

	/**
	 * The warning to show the writer, if the preview was capped or the background gated.
	 */
	Optional<String> warning() {
		if (previewCapped) {
			return Optional.of(CAPPED_PREVIEW_WARNING);
		}
		return backgroundGated ? Optional.of(BACKGROUND_GATED_WARNING) : Optional.empty();
	}

}
