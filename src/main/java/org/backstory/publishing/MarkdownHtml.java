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
 * The Markdown machinery both article renderers share: one parser (with source spans, so
 * a cut can copy source), one HTML renderer with safe URLs, and the sanitiser. Top-level
 * blocks are rendered run by run, each run sanitised before the trusted section tags are
 * put around it, so author HTML can never forge them. Pure and thread-safe.
 */
final class MarkdownHtml {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder()
		.extensions(EXTENSIONS)
		.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
		.maxOpenBlockParsers(64)
		.maxInlineNesting(64)
		.build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

	private final HtmlSanitizer sanitizer = new HtmlSanitizer();

	Node parse(String markdown) {
		return parser.parse(markdown);
	}

	/**
	 * The HTML of one half, and the house section still open at its end: an H2 named
	 * "Before you read" or "What's going on now" opens a house section that runs to the
	 * next H2.
	 * @param continued the house section the half starts inside, continued from the
	 * preview
	 */
	Half renderHalf(Node document, @Nullable HouseSection continued) {
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

	/**
	 * Every block of the document but link definitions and paywall markers, rendered
	 * together and sanitised, with no section tags of its own.
	 */
	String renderClean(Node document) {
		StringBuilder html = new StringBuilder();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (!(node instanceof LinkReferenceDefinition) && !PreviewCut.isMarker(node)) {
				renderer.render(node, html);
			}
		}
		return sanitizer.clean(html.toString());
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
	int visibleSize(Node node) {
		return sanitizer.visibleSize(renderer.render(node));
	}

	/**
	 * The source of every link reference definition in the document, each followed by a
	 * blank line.
	 */
	static String definitionsIn(String source, Node document) {
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

	/** The HTML of one half and the house section still open at its end. */
	record Half(String html, @Nullable HouseSection openSection) {
	}

}
