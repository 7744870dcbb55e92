package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commonmark.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Renders and cuts a piece in the house format: the opening, then the background and the
 * now part, each whole in a section under the publication's label. A gated piece's
 * preview is the opening and the background; the now part is gated, or from a paywall
 * marker in it on (its first lines then close the preview in a section that the gated
 * half continues). Without a now part, the background is gated too, so a gated piece
 * never goes out whole. Each part is parsed alone and given the link definitions of the
 * preview's parts (public anyway), and the gated part also those of the gated source, so
 * nothing gated can change the preview. Pure and thread-safe.
 */
final class HouseFormatRenderer {

	static final String MARKER_IN_OPENING = "The paywall marker cannot go in the opening of an article in the house format:"
			+ " the opening and the background are the free preview. Move the marker into the now part (readers without"
			+ " access stop there) or remove it (they stop after the background).";

	static final String MARKER_IN_BACKGROUND = "The paywall marker cannot go in the background: the background is the"
			+ " free preview and is never split. Move the marker into the now part (readers without access stop there)"
			+ " or remove it (they stop after the background).";

	private final MarkdownHtml markdown;

	private final PreviewCut previewCut;

	HouseFormatRenderer(MarkdownHtml markdown, PreviewCut previewCut) {
		this.markdown = markdown;
		this.previewCut = previewCut;
	}

	RenderedBody render(HouseText text, boolean gated, HouseLabels labels) {
		FormatCut cut = formatCut(text, gated);
		String publicDefinitions = definitions(cut.preview());
		StringBuilder preview = new StringBuilder();
		for (Part part : cut.preview()) {
			preview.append(renderPart(part, publicDefinitions, labels));
		}
		String gatedDefinitions = publicDefinitions + definitions(cut.gated());
		StringBuilder gatedHtml = new StringBuilder();
		for (Part part : cut.gated()) {
			gatedHtml.append(renderPart(part, gatedDefinitions, labels));
		}
		return new RenderedBody(preview.toString(), gatedHtml.toString(), false, gated && text.now().isBlank());
	}

	/** Where the piece splits into free preview and gated part, as Markdown. */
	PreviewCut.Cut cut(HouseText text, boolean gated) {
		FormatCut cut = formatCut(text, gated);
		return new PreviewCut.Cut(joined(cut.preview()), joined(cut.gated()), false);
	}

	/**
	 * Why a gated piece cannot be saved: it takes the paywall marker only in its now
	 * part, so no section is ever split and the background stays whole in the free
	 * preview.
	 */
	List<String> markerProblems(HouseText text) {
		List<String> problems = new ArrayList<>();
		if (hasMarker(markdown.parse(text.body()))) {
			problems.add(MARKER_IN_OPENING);
		}
		if (hasMarker(markdown.parse(text.background()))) {
			problems.add(MARKER_IN_BACKGROUND);
		}
		return problems;
	}

	/** Whether a paywall marker in the now part has something before it. */
	boolean cutsAtMarkerInNow(HouseText parts) {
		return markerCutOfNow(parts).isPresent();
	}

	private String renderPart(Part part, String definitions, HouseLabels labels) {
		Node document = markdown.parse(definitions + part.source());
		if (part.section() == null) {
			return markdown.renderHalf(document, null).html();
		}
		String label = part.continued() ? ""
				: "<h2>" + escaped(part.section() == HouseSection.BEFORE_YOU_READ ? labels.background() : labels.now())
						+ "</h2>";
		String cssClass = part.section().cssClass() + (part.continued() ? " continued" : "");
		return "<section class=\"" + cssClass + "\">" + label + markdown.renderClean(document) + "</section>";
	}

	/**
	 * Plain text as HTML text content, written as the sanitised HTML around it writes
	 * text.
	 */
	private static String escaped(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private FormatCut formatCut(HouseText text, boolean gated) {
		List<Part> preview = new ArrayList<>();
		List<Part> gatedParts = new ArrayList<>();
		if (!text.body().isBlank()) {
			preview.add(new Part(text.body(), null, false));
		}
		Part background = new Part(text.background(), HouseSection.BEFORE_YOU_READ, false);
		boolean hasBackground = !text.background().isBlank();
		if (text.now().isBlank()) {
			if (hasBackground) {
				(gated ? gatedParts : preview).add(background);
			}
			return new FormatCut(preview, gatedParts);
		}
		if (hasBackground) {
			preview.add(background);
		}
		if (!gated) {
			preview.add(new Part(text.now(), HouseSection.WHATS_GOING_ON_NOW, false));
			return new FormatCut(preview, gatedParts);
		}
		Optional<PreviewCut.Cut> atMarker = markerCutOfNow(text);
		if (atMarker.isPresent()) {
			preview.add(new Part(atMarker.get().previewSource(), HouseSection.WHATS_GOING_ON_NOW, false));
			gatedParts.add(new Part(atMarker.get().gatedSource(), HouseSection.WHATS_GOING_ON_NOW, true));
		}
		else {
			gatedParts.add(new Part(text.now(), HouseSection.WHATS_GOING_ON_NOW, false));
		}
		return new FormatCut(preview, gatedParts);
	}

	/** The cut at a paywall marker in the now part, when something comes before it. */
	private Optional<PreviewCut.Cut> markerCutOfNow(HouseText text) {
		return previewCut.atMarker(text.now(), markdown.parse(text.now()))
			.filter(cut -> !cut.previewSource().isBlank());
	}

	private String definitions(List<Part> parts) {
		StringBuilder definitions = new StringBuilder();
		for (Part part : parts) {
			definitions.append(MarkdownHtml.definitionsIn(part.source(), markdown.parse(part.source())));
		}
		return definitions.toString();
	}

	private static String joined(List<Part> parts) {
		return String.join("\n\n", parts.stream().map(Part::source).toList());
	}

	private static boolean hasMarker(Node document) {
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (PreviewCut.isMarker(node)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One part of a piece in the house format, or the part of the now part after its
	 * paywall marker.
	 *
	 * @param section the section it is shown in, or null for the opening
	 * @param continued whether it continues a section the preview opened (no label then)
	 */
	private record Part(String source, @Nullable HouseSection section, boolean continued) {
	}

	/**
	 * The parts of a piece in the house format on each side of the cut, in reading order.
	 */
	private record FormatCut(List<Part> preview, List<Part> gated) {
	}

}
