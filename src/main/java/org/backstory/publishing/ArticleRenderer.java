package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/**
 * Turns an article's Markdown into its two stored halves: the free preview and the gated rest. Pure and
 * thread-safe.
 * <p>
 * The preview ends at a top-level line {@code <!-- paywall -->}; without one it is every top-level block
 * up to and including the second paragraph. H2 headings named "Before you read" and "What's going on now"
 * open house sections that run to the next H2; a section cut by the split is continued, with the same
 * class, at the start of the gated half, so both halves are well-formed on their own. Each run of blocks
 * is sanitised before the trusted section tags are put around it, so author HTML can never forge them.
 */
final class ArticleRenderer {

	private static final Pattern PAYWALL_MARKER = Pattern.compile("<!--\\s*paywall\\s*-->",
			Pattern.CASE_INSENSITIVE);

	private static final int PREVIEW_PARAGRAPHS = 2;

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder()
		.extensions(EXTENSIONS)
		.maxOpenBlockParsers(64)
		.maxInlineNesting(64)
		.build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

	private final HtmlSanitizer sanitizer = new HtmlSanitizer();

	RenderedBody render(String markdown) {
		List<Block> blocks = new ArrayList<>();
		int marker = -1;
		int group = 0;
		HouseSection section = null;
		for (Node node = parser.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
			if (marker < 0 && isPaywallMarker(node)) {
				marker = blocks.size();
				continue;
			}
			if (node instanceof Heading heading && heading.getLevel() == 2) {
				group++;
				section = HouseSection.named(textOf(heading)).orElse(null);
			}
			blocks.add(new Block(node, group, section));
		}
		int split = marker >= 0 ? marker : endOfPreviewParagraphs(blocks);
		return new RenderedBody(renderRun(blocks.subList(0, split)), renderRun(blocks.subList(split, blocks.size())));
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
			String clean = sanitizer.clean(html.toString());
			HouseSection section = first.section();
			if (section == null) {
				out.append(clean);
			}
			else {
				out.append("<section class=\"").append(section.cssClass()).append("\">")
					.append(clean)
					.append("</section>");
			}
			start = end;
		}
		return out.toString();
	}

	private static int endOfPreviewParagraphs(List<Block> blocks) {
		int paragraphs = 0;
		for (int i = 0; i < blocks.size(); i++) {
			if (blocks.get(i).node() instanceof Paragraph && ++paragraphs == PREVIEW_PARAGRAPHS) {
				return i + 1;
			}
		}
		return blocks.size();
	}

	private static boolean isPaywallMarker(Node node) {
		return node instanceof HtmlBlock html && PAYWALL_MARKER.matcher(html.getLiteral().strip()).matches();
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

}
