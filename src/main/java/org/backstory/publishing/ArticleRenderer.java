package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/**
 * Turns an article's Markdown into its two stored halves: the free preview and the gated
 * rest. Pure and thread-safe.
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

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder()
		.extensions(EXTENSIONS)
		.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
		.maxOpenBlockParsers(64)
		.maxInlineNesting(64)
		.build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

	private final HtmlSanitizer sanitizer = new HtmlSanitizer();

	private final PreviewCut previewCut = new PreviewCut(this::visibleSize);

	static final String MARKER_IN_OPENING = "The paywall marker cannot go in the opening of an article in the house format:"
			+ " the opening and the background are the free preview. Move the marker into the now part (readers without"
			+ " access stop there) or remove it (they stop after the background).";

	static final String MARKER_IN_BACKGROUND = "The paywall marker cannot go in the background: the background is the"
			+ " free preview and is never split. Move the marker into the now part (readers without access stop there)"
			+ " or remove it (they stop after the background).";

	/**
	 * The article's text rendered into its two stored halves: a free-standing body as
	 * below, a piece in the house format by {@link #renderFormatted}. A public article
	 * ({@code gated} false) is all preview.
	 */
	RenderedBody render(HouseText text, boolean gated, HouseLabels labels) {
		if (text.formatted()) {
			return renderFormatted(text, gated, labels);
		}
		return render(text.body(), gated);
	}

	/**
	 * A free-standing body split as below, or a public one ({@code gated} false) all
	 * preview.
	 */
	RenderedBody render(String markdown, boolean gated) {
		if (!gated) {
			return new RenderedBody(renderHalf(parser.parse(markdown), null).html(), "", false, false);
		}
		return render(markdown);
	}

	/**
	 * Where the text splits into free preview and gated part, as Markdown; a public
	 * article is all preview.
	 */
	PreviewCut.Cut cut(HouseText text, boolean gated) {
		if (!text.formatted()) {
			return gated ? previewCut.of(text.body(), parser.parse(text.body()))
					: new PreviewCut.Cut(text.body(), "", false);
		}
		FormatCut cut = formatCut(text, gated);
		return new PreviewCut.Cut(joined(cut.preview()), joined(cut.gated()), false);
	}

	/**
	 * Why the text cannot be saved with this visibility: a gated piece in the house
	 * format takes the paywall marker only in its now part, so no section is ever split
	 * and the background stays whole in the free preview.
	 */
	List<String> markerProblems(HouseText text, boolean gated) {
		if (!gated || !text.formatted()) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		if (markerIndex(blocksOf(parser.parse(text.body()))) >= 0) {
			problems.add(MARKER_IN_OPENING);
		}
		if (markerIndex(blocksOf(parser.parse(text.background()))) >= 0) {
			problems.add(MARKER_IN_BACKGROUND);
		}
		return problems;
	}

	/**
	 * Whether a gated piece in the house format keeps exactly the preview its body had as
	 * one free-standing text: its only paywall marker sits in the now part with something
	 * before and after it, so the cut falls at the same place.
	 */
	boolean cutsAtSamePlace(HouseText parts) {
		return markerProblems(parts, true).isEmpty() && previewCut.atMarker(parts.now(), parser.parse(parts.now()))
			.filter(cut -> !cut.previewSource().isBlank())
			.isPresent();
	}

	/** The body of a gated free-standing article, split into preview and gated half. */
	RenderedBody render(String markdown) {
		PreviewCut.Cut cut = previewCut.of(markdown, parser.parse(markdown));
		Node preview = parser.parse(cut.previewSource());
		Half free = renderHalf(preview, null);
		String gatedSource = cut.gatedSource().isBlank() ? ""
				: definitionsIn(cut.previewSource(), preview) + cut.gatedSource();
		return new RenderedBody(free.html(), renderHalf(parser.parse(gatedSource), free.openSection()).html(),
				cut.capped(), false);
	}

	/**
	 * A piece in the house format: the opening, then the background and the now part,
	 * each whole in a section under the publication's label. A gated piece's preview is
	 * the opening and the background; the now part is gated, or from a paywall marker in
	 * it on (its first lines then close the preview in a section that the gated half
	 * continues). Without a now part, the background is gated too, so a gated piece never
	 * goes out whole. Each part is parsed alone and given the link definitions of the
	 * preview's parts (public anyway), and the gated part also those of the gated source,
	 * so nothing gated can change the preview.
	 */
	private RenderedBody renderFormatted(HouseText text, boolean gated, HouseLabels labels) {
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

	private String renderPart(Part part, String definitions, HouseLabels labels) {
		Node document = parser.parse(definitions + part.source());
		if (part.section() == null) {
			return renderHalf(document, null).html();
		}
		StringBuilder html = new StringBuilder();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (!(node instanceof LinkReferenceDefinition) && !PreviewCut.isMarker(node)) {
				renderer.render(node, html);
			}
		}
		String label = part.continued() ? ""
				: "<h2>" + escaped(part.section() == HouseSection.BEFORE_YOU_READ ? labels.background() : labels.now())
						+ "</h2>";
		String cssClass = part.section().cssClass() + (part.continued() ? " continued" : "");
		return "<section class=\"" + cssClass + "\">" + label + sanitizer.clean(html.toString()) + "</section>";
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
		Optional<PreviewCut.Cut> atMarker = previewCut.atMarker(text.now(), parser.parse(text.now()))
			.filter(cut -> !cut.previewSource().isBlank());
		if (atMarker.isPresent()) {
			preview.add(new Part(atMarker.get().previewSource(), HouseSection.WHATS_GOING_ON_NOW, false));
			gatedParts.add(new Part(atMarker.get().gatedSource(), HouseSection.WHATS_GOING_ON_NOW, true));
		}
		else {
			gatedParts.add(new Part(text.now(), HouseSection.WHATS_GOING_ON_NOW, false));
		}
		return new FormatCut(preview, gatedParts);
	}

	private String definitions(List<Part> parts) {
		StringBuilder definitions = new StringBuilder();
		for (Part part : parts) {
			definitions.append(definitionsIn(part.source(), parser.parse(part.source())));
		}
		return definitions.toString();
	}

	private static String joined(List<Part> parts) {
		return String.join("\n\n", parts.stream().map(Part::source).toList());
	}

	private static List<Node> blocksOf(Node document) {
		List<Node> blocks = new ArrayList<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			blocks.add(node);
		}
		return blocks;
	}

	private static int markerIndex(List<Node> blocks) {
		for (int i = 0; i < blocks.size(); i++) {
			if (PreviewCut.isMarker(blocks.get(i))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The HTML of one half, and the house section still open at its end.
	 * @param continued the house section the half starts inside, continued from the
	 * preview
	 */
	private Half renderHalf(Node document, @Nullable HouseSection continued) {
		List<Block> blocks = new ArrayList<>();
		int group = 0;
		HouseSection section = continued;
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof LinkReferenceDefinition || PreviewCut.isMarker(node)) {
				continue;
			}
			if (node instanceof Heading heading && heading.getLevel() == 2) {
				group++;
				section = HouseSection.named(textOf(heading)).orElse(null);
			}
			blocks.add(new Block(node, group, section));
		}
		return new Half(renderRun(blocks), section);
	}

	private String renderRun(List<Block> blocks) {
		StringBuilder out = new StringBuilder();
		int start = 0;
		while (start < blocks.size()) {
			Block first = blocks.get(start);
			int end = start;
			StringBuilder html = new StringBuilder();
			while (end < blocks.size() && blocks.get(end).group() == first.group()) {
				renderer.render(blocks.get(end).node(), html);
				end++;
			}
			out.append(wrapped(sanitizer.clean(html.toString()), first.section()));
			start = end;
		}
		return out.toString();
	}

	/**
	 * Clean HTML in its trusted section tags; a run of nothing but comments shows
	 * nothing, not even a section.
	 */
	private static String wrapped(String clean, @Nullable HouseSection section) {
		if (clean.isBlank()) {
			return "";
		}
		return section == null ? clean : "<section class=\"" + section.cssClass() + "\">" + clean + "</section>";
	}

	/**
	 * What a reader sees of one block or list item, rendered and sanitised alone: words
	 * plus images.
	 */
	private int visibleSize(Node node) {
		return sanitizer.visibleSize(renderer.render(node));
	}

	/**
	 * The source of every link reference definition in the document, each followed by a
	 * blank line.
	 */
	private static String definitionsIn(String source, Node document) {
		StringBuilder definitions = new StringBuilder();
		document.accept(new AbstractVisitor() {

			@Override
			public void visit(LinkReferenceDefinition definition) {
				for (SourceSpan span : definition.getSourceSpans()) {
					definitions.append(source, span.getInputIndex(), span.getInputIndex() + span.getLength())
						.append('\n');
				}
				definitions.append('\n');
			}

		});
		return definitions.toString();
	}

	static String textOf(Node node) {
		StringBuilder text = new StringBuilder();
		node.accept(new AbstractVisitor() {

			@Override
			public void visit(Text t) {
				text.append(t.getLiteral());
			}

			@Override
			public void visit(Code code) {
				text.append(code.getLiteral());
			}

		});
		return text.toString();
	}

	/**
	 * A top-level block, the H2-delimited run it belongs to, and that run's house section
	 * if it has one.
	 */
	private record Block(Node node, int group, @Nullable HouseSection section) {
	}

	private record Half(String html, @Nullable HouseSection openSection) {
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
