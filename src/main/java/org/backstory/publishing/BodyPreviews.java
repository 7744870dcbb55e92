package org.backstory.publishing;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The editor's live preview of a body, rendered as the site will render it, and what the
 * writer should know about where readers without access stop.
 */
@Service
public class BodyPreviews {

	private final ArticleRenderer renderer = new ArticleRenderer();

	private final PublicationService publication;

	BodyPreviews(PublicationService publication) {
		this.publication = publication;
	}

	/**
	 * Renders the text as the site will (with the publication's section labels), preview
	 * and gated part marked apart, for the editor's live preview, with what the writer
	 * should know about the cut: a paywall marker a save would refuse (in the opening or
	 * background of a gated piece in the house format), a gated background (no now part),
	 * or a preview that had to be capped.
	 * @param gated whether the article is not public, so readers without access see only
	 * the preview
	 */
	public BodyPreview preview(HouseText text, boolean gated) {
		if (text.length() > EditorialRules.MAX_BODY) {
			throw new InvalidArticleException("The body is too long to preview: at most "
					+ String.format(Locale.ROOT, "%,d", EditorialRules.MAX_BODY) + " characters.");
		}
		HouseText clean = text.withoutControls();
		RenderedBody body = renderer.render(clean, gated, publication.labels());
		String html = body.gatedHtml().isEmpty() ? body.previewHtml() : body.previewHtml()
				+ "<p class=\"paywall-marker\">Readers without access stop here</p>" + body.gatedHtml();
		List<String> refused = renderer.markerProblems(clean, gated);
		if (!refused.isEmpty()) {
			return new BodyPreview(html, String.join(" ", refused));
		}
		return new BodyPreview(html, body.warning()
			.orElseGet(() -> !clean.formatted() && HouseFormat.parts(clean.body(), publication.labels()).isPresent()
					? HEADINGS_IN_BODY : null));
	}

	/**
	 * What the editor says about a free-standing body written with the house headings:
	 * one that the upgrade to first-class parts left whole, because splitting it would
	 * have shown more of it to readers without access.
	 */
	static final String HEADINGS_IN_BODY = "This body has the house format's two headings in it, so it is shown as one"
			+ " free-standing text with its paywall cut as before. To use the format, move the background and the now"
			+ " part into their own boxes below (without the headings); a paywall marker may only go in the now part.";

	/**
	 * For the editor page: what the writer should know about where readers stop, or null.
	 * A text too long to save gets none; the save's refusal says so.
	 */
	public @Nullable String paywallWarning(HouseText text, boolean gated) {
		return text.length() > EditorialRules.MAX_BODY ? null : preview(text, gated).warning();
	}

	/**
	 * The editor's live preview of a body.
	 *
	 * @param html the body as the site renders it, with a line where readers without
	 * access stop
	 * @param warning why the writer should place the paywall marker, or null
	 */
	public record BodyPreview(String html, @Nullable String warning) {
	}

}
