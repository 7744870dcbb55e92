package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Where a gated article's Markdown is cut into the free preview and the gated rest: two pieces of source,
 * which {@link ArticleRenderer} then parses and renders apart. Pure.
 * <p>
 * A top-level {@code <!-- paywall -->} line with something after it is the cut. Without one, the preview is
 * the top-level blocks up to and including the second paragraph, but never more than {@link #PREVIEW_WORDS}
 * words and never more than half of the article's words, so a gated article always keeps most of itself
 * gated: a list, a table, code, headings or a single paragraph can no longer be sent whole. When a limit
 * falls inside a block, a paragraph is cut after a word (never inside a link, emphasis, code or a tag; both
 * sides get an ellipsis), a list between items, and any other block goes whole to the gated half. Such a
 * capped preview is reported, so the editor can ask the writer to place the marker.
 */
final class PreviewCut {

	/** The most words a preview chosen without a marker may have. */
	static final int PREVIEW_WORDS = 150;

	private static final int PREVIEW_PARAGRAPHS = 2;

	private static final String ELLIPSIS = "…";

	private static final Pattern PAYWALL_MARKER = Pattern.compile("<!--\\s*paywall\\s*-->", Pattern.CASE_INSENSITIVE);

	private static final Pattern COMMENTS_ONLY = Pattern.compile("\\s*(<!--.*?-->\\s*)*", Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern WORD = Pattern.compile("\\S+");

	/**
	 * @param previewSource the Markdown of the free preview
	 * @param gatedSource the Markdown of the rest
	 * @param capped whether there was no usable marker and the limits cut the preview short
	 */
	record Cut(String previewSource, String gatedSource, boolean capped) {
	}

	private PreviewCut() {
	}

	/**
	 * The cut of {@code markdown}, given its parse with source spans of blocks and inlines.
	 */
	static Cut of(String markdown, Node document) {
		List<Node> blocks = new ArrayList<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			blocks.add(node);
		}
		int marker = markerIndex(blocks);
		if (marker >= 0 && weight(blocks.subList(marker + 1, blocks.size())) > 0) {
			return new Cut(markdown.substring(0, lineStart(markdown, blocks.get(marker))),
					markdown.substring(lineStart(markdown, blocks.get(marker + 1))), false);
		}
		return capped(markdown, blocks);
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

	private static Cut capped(String markdown, List<Node> blocks) {
		int total = weight(blocks);
		if (total == 0) {
			return new Cut(markdown, "", false);
		}
		int budget = Math.min(PREVIEW_WORDS, total / 2);
		int opening = endOfOpening(blocks);
		int used = 0;
		for (int i = 0; i < opening; i++) {
			Node block = blocks.get(i);
			int weight = weight(block);
			if (used + weight > budget) {
				return inside(markdown, block, budget - used)
					.orElseGet(() -> at(markdown, lineStart(markdown, block), true));
			}
			used += weight;
		}
		// Everything up to the opening's end fits in less than half the words, so blocks with words follow it.
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

	/** A cut inside a paragraph or list that keeps at most {@code words} of it in the preview, if any fits. */
	private static Optional<Cut> inside(String markdown, Node block, int words) {
		if (block instanceof Paragraph paragraph) {
			return afterWords(markdown, paragraph, words).map(index -> new Cut(
					markdown.substring(0, index).stripTrailing() + ELLIPSIS, ELLIPSIS + markdown.substring(index), true));
		}
		if (block instanceof ListBlock list) {
			int used = 0;
			for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
				used += weight(item);
				if (used > words) {
					return item == list.getFirstChild() ? Optional.empty()
							: Optional.of(at(markdown, lineStart(markdown, item), true));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Where the paragraph's source continues after {@code words} words: at the start of a word in a run of
	 * plain text, or before an inline element (link, emphasis, code, image, tag) that would pass the limit.
	 */
	private static Optional<Integer> afterWords(String markdown, Paragraph paragraph, int words) {
		int start = paragraph.getSourceSpans().get(0).getInputIndex();
		int used = 0;
		for (Node inline = paragraph.getFirstChild(); inline != null; inline = inline.getNext()) {
			if (inline.getSourceSpans().isEmpty()) {
				continue;
			}
			SourceSpan span = inline.getSourceSpans().get(0);
			if (inline instanceof Text) {
				Matcher word = WORD.matcher(markdown.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()));
				while (word.find()) {
					if (used == words) {
						return after(start, span.getInputIndex() + word.start());
					}
					used++;
				}
			}
			else {
				used += wordsIn(inline);
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

	private static int weight(List<Node> blocks) {
		return blocks.stream().mapToInt(PreviewCut::weight).sum();
	}

	/**
	 * A block's size in words, at least one for anything a reader sees (an image, a rule); nothing for link
	 * definitions and comments, which render to nothing.
	 */
	private static int weight(Node block) {
		if (block instanceof LinkReferenceDefinition
				|| block instanceof HtmlBlock html && COMMENTS_ONLY.matcher(html.getLiteral()).matches()) {
			return 0;
		}
		return Math.max(1, wordsIn(block));
	}

	private static int wordsIn(Node node) {
		int[] words = { 0 };
		node.accept(new AbstractVisitor() {

			@Override
			public void visit(Text text) {
				words[0] += count(text.getLiteral());
			}

			@Override
			public void visit(Code code) {
				words[0] += count(code.getLiteral());
			}

			@Override
			public void visit(FencedCodeBlock code) {
				words[0] += count(code.getLiteral());
			}

			@Override
			public void visit(IndentedCodeBlock code) {
				words[0] += count(code.getLiteral());
			}

			@Override
			public void visit(HtmlBlock html) {
				words[0] += count(TAG.matcher(html.getLiteral()).replaceAll(" "));
			}

		});
		return words[0];
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
