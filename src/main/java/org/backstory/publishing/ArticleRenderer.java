package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;

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
 * Turns an article's Markdown into its two stored halves: the free preview and the gated rest. Pure and
 * thread-safe.
 * <p>
 * A public article is all preview. A gated one is cut by {@link PreviewCut}: at a top-level line
 * {@code <!-- paywall -->} with something visible after it; without one, after the first two top-level paragraphs
 * but never more than {@value PreviewCut#PREVIEW_WORDS} words nor half of what a reader sees of the article (a
 * paragraph is then cut before a word, a list between items, other blocks are never cut), so the gated half of a
 * gated article with anything to see always has something to see. Each half is then parsed and rendered from its own Markdown alone, so nothing below the cut (a
 * link reference definition, say) can change the preview's HTML; the gated half is given the preview's link
 * definitions, which are public, so a link defined above the cut still works below it.
 * <p>
 * H2 headings named "Before you read" and "What's going on now" open house sections that run to the next H2;
 * a section cut by the split is continued, with the same class, at the start of the gated half, so both halves
 * are well-formed on their own. Each run of blocks is sanitised before the trusted section tags are put around
 * it, so author HTML can never forge them.
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

	/** The body of a gated article split as below, or a public one ({@code gated} false) all preview. */
	RenderedBody render(String markdown, boolean gated) {
		if (!gated) {
			return new RenderedBody(renderHalf(parser.parse(markdown), null).html(), "", false);
		}
		return render(markdown);
	}

	/** Where the body splits into free preview and gated part; a public article is all preview. */
	PreviewCut.Cut cut(String markdown, boolean gated) {
		return gated ? previewCut.of(markdown, parser.parse(markdown)) : new PreviewCut.Cut(markdown, "", false);
	}

	/** The body of a gated article, split into preview and gated half. */
	RenderedBody render(String markdown) {
		PreviewCut.Cut cut = previewCut.of(markdown, parser.parse(markdown));
		Node preview = parser.parse(cut.previewSource());
		Half free = renderHalf(preview, null);
		String gatedSource = cut.gatedSource().isBlank() ? "" : definitionsIn(cut.previewSource(), preview) + cut.gatedSource();
		return new RenderedBody(free.html(), renderHalf(parser.parse(gatedSource), free.openSection()).html(),
				cut.capped());
	}

	/**
	 * The HTML of one half, and the house section still open at its end.
	 * @param continued the house section the half starts inside, continued from the preview
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

	/** Clean HTML in its trusted section tags; a run of nothing but comments shows nothing, not even a section. */
	private static String wrapped(String clean, @Nullable HouseSection section) {
		if (clean.isBlank()) {
			return "";
		}
		return section == null ? clean : "<section class=\"" + section.cssClass() + "\">" + clean + "</section>";
	}

	/** What a reader sees of one block or list item, rendered and sanitised alone: words plus images. */
	private int visibleSize(Node node) {
		return sanitizer.visibleSize(renderer.render(node));
	}

	/** The source of every link reference definition in the document, each followed by a blank line. */
	private static String definitionsIn(String source, Node document) {
		StringBuilder definitions = new StringBuilder();
		document.accept(new AbstractVisitor() {

			@Override
			public void visit(LinkReferenceDefinition definition) {
				for (SourceSpan span : definition.getSourceSpans()) {
					definitions.append(source, span.getInputIndex(), span.getInputIndex() + span.getLength()).append('\n');
				}
				definitions.append('\n');
			}

		});
		return definitions.toString();
	}

	private static String textOf(Node node) {
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

	/** A top-level block, the H2-delimited run it belongs to, and that run's house section if it has one. */
	private record Block(Node node, int group, @Nullable HouseSection section) {
	}

	private record Half(String html, @Nullable HouseSection openSection) {
	}

}
