package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Where a gated article's Markdown is cut into the free preview and the gated rest: two
 * pieces of source, which {@link ArticleRenderer} then parses and renders apart.
 * Thread-safe.
 * <p>
 * A top-level {@code <!-- paywall -->} line with something visible after it is the cut.
 * Without one, the preview is the top-level blocks up to and including the second
 * paragraph, but never more than {@link #PREVIEW_WORDS} words and never more than half of
 * what a reader sees of the article, so a gated article always keeps most of itself
 * gated: a list, a table, code, headings or a single paragraph can no longer be sent
 * whole. Sizes are measured on the rendered, sanitised HTML (words plus images), so a
 * block a reader never sees (a link definition, a comment, a stray tag, a script) cannot
 * stand in for gated content. When a limit falls inside a block, a paragraph is cut
 * before a word (never inside a link, emphasis, code or a tag; both sides get an
 * ellipsis), a list between items, and any other block goes whole to the gated half. Such
 * a capped preview is reported, so the editor can ask the writer to place the marker.
 */
final class PreviewCut {

	/** The most words a preview chosen without a marker may have. */
	static final int PREVIEW_WORDS = 150;

	private static final int PREVIEW_PARAGRAPHS = 2;

	private static final String ELLIPSIS = "…";

	private static final Pattern PAYWALL_MARKER = Pattern.compile("<!--\\s*paywall\\s*-->", Pattern.CASE_INSENSITIVE);

	private static final Pattern WORD = Pattern.compile("\\S+");

	/**
	 * @param previewSource the Markdown of the free preview
	 * @param gatedSource the Markdown of the rest
	 * @param capped whether there was no usable marker and the limits cut the preview
	 * short
	 */
	record Cut(String previewSource, String gatedSource, boolean capped) {
	}

	private final ToIntFunction<Node> visibleSize;

	/**
	 * @param visibleSize how much a reader sees of a block or list item once rendered and
	 * sanitised: its words plus its images
	 */
	PreviewCut(ToIntFunction<Node> visibleSize) {
		this.visibleSize = visibleSize;
	}

	/**
	 * The cut of {@code markdown}, given its parse with source spans of blocks and
	 * inlines.
	 */
	Cut of(String markdown, Node document) {
		List<Node> blocks = new ArrayList<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			blocks.add(node);
		}
		return atMarker(markdown, blocks).orElseGet(() -> capped(markdown, blocks));
	}

	/**
	 * The cut at the first top-level paywall marker with something visible after it, if
	 * there is one.
	 */
	Optional<Cut> atMarker(String markdown, Node document) {
		List<Node> blocks = new ArrayList<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			blocks.add(node);
		}
		return atMarker(markdown, blocks);
	}

	private Optional<Cut> atMarker(String markdown, List<Node> blocks) {
		int marker = markerIndex(blocks);
		if (marker >= 0
				&& blocks.subList(marker + 1, blocks.size()).stream().anyMatch(b -> visibleSize.applyAsInt(b) > 0)) {
			return Optional.of(new Cut(markdown.substring(0, lineStart(markdown, blocks.get(marker))),
					markdown.substring(lineStart(markdown, blocks.get(marker + 1))), false));
		}
		return Optional.empty();
	}

	/** Whether this top-level block is the paywall marker. */
	static boolean isMarker(Node block) {
		return block instanceof HtmlBlock html && PAYWALL_MARKER.matcher(html.getLiteral().strip()).matches();
	}

	private static int markerIndex(List<Node> blocks) {
		for (int i = 0; i < blocks.size(); i++) {
			if (isMarker(blocks.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private Cut capped(String markdown, List<Node> blocks) {
		int[] sizes = blocks.stream().mapToInt(visibleSize).toArray();
		int total = 0;
		for (int size : sizes) {
			total += size;
		}
		if (total == 0) {
			return new Cut(markdown, "", false);
		}
		int budget = Math.min(PREVIEW_WORDS, total / 2);
		int opening = endOfOpening(blocks);
		int used = 0;
		for (int i = 0; i < opening; i++) {
			if (used + sizes[i] > budget) {
				Node block = blocks.get(i);
				return inside(markdown, block, budget - used)
					.orElseGet(() -> at(markdown, lineStart(markdown, block), true));
			}
			used += sizes[i];
		}
		// The opening fits in less than half of the article, so what follows it has
		// something to see.
		return at(markdown, lineStart(markdown, blocks.get(opening)), false);
	}

	/** The index after the second top-level paragraph, or the number of blocks. */
	private static int endOfOpening(List<Node> blocks) {
		int paragraphs = 0;
		for (int i = 0; i < blocks.size(); i++) {
			if (blocks.get(i) instanceof Paragraph && ++paragraphs == PREVIEW_PARAGRAPHS) {
				return i + 1;
			}
		}
		return blocks.size();
	}

	/**
	 * A cut inside a paragraph or list that keeps less of it than {@code words} in the
	 * preview, if any fits. What follows the cut always has something to see: a paragraph
	 * keeps at most {@code words} of its words, images and code in the preview, fewer
	 * than it shows.
	 */
	private Optional<Cut> inside(String markdown, Node block, int words) {
		if (block instanceof Paragraph paragraph) {
			return beforeWord(markdown, paragraph, words)
				.map(index -> new Cut(markdown.substring(0, index).stripTrailing() + ELLIPSIS,
						ELLIPSIS + markdown.substring(index), true));
		}
		if (block instanceof ListBlock list) {
			int used = 0;
			for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
				used += visibleSize.applyAsInt(item);
				if (used > words) {
					return item == list.getFirstChild() ? Optional.empty()
							: Optional.of(at(markdown, lineStart(markdown, item), true));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Where the paragraph's source goes on after {@code words} units (words, images): at
	 * the start of the next word in a run of plain text, or before an inline element
	 * (link, emphasis, code, image, tag) that would pass the limit; empty if that is the
	 * paragraph's start or nothing is left after it.
	 */
	private static Optional<Integer> beforeWord(String markdown, Paragraph paragraph, int words) {
		int start = paragraph.getSourceSpans().get(0).getInputIndex();
		int used = 0;
		for (Node inline = paragraph.getFirstChild(); inline != null; inline = inline.getNext()) {
			if (inline.getSourceSpans().isEmpty()) {
				continue;
			}
			SourceSpan span = inline.getSourceSpans().get(0);
			if (inline instanceof Text) {
				Matcher word = WORD
					.matcher(markdown.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()));
				while (word.find()) {
					if (used == words) {
						return after(start, span.getInputIndex() + word.start());
					}
					used++;
				}
			}
			else {
				used += unitsIn(inline);
				if (used > words) {
					return after(start, span.getInputIndex());
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<Integer> after(int start, int index) {
		return index > start ? Optional.of(index) : Optional.empty();
	}

	private static Cut at(String markdown, int index, boolean capped) {
		return new Cut(markdown.substring(0, index), markdown.substring(index), capped);
	}

	/** Where the line holding the block's first character starts. */
	private static int lineStart(String markdown, Node block) {
		return markdown.lastIndexOf('\n', block.getSourceSpans().get(0).getInputIndex() - 1) + 1;
	}

	/**
	 * The words and images of an inline element, as the paragraph cut counts them: every
	 * image counts, so a reader can never see more of the paragraph in the preview than
	 * the cut allowed.
	 */
	private static int unitsIn(Node inline) {
		int[] units = { 0 };
		inline.accept(new AbstractVisitor() {

			@Override
			public void visit(Text text) {
				units[0] += count(text.getLiteral());
			}

			@Override
			public void visit(Code code) {
				units[0] += count(code.getLiteral());
			}

			@Override
			public void visit(Image image) {
				units[0] += 1;
				visitChildren(image);
			}

			@Override
			public void visit(HtmlInline html) {
				units[0] += html.getLiteral().regionMatches(true, 0, "<img", 0, 4) ? 1 : 0;
			}

		});
		return units[0];
	}

	private static int count(String text) {
		int words = 0;
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			words++;
		}
		return words;
	}

}
