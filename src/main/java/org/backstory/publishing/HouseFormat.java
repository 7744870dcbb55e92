package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Splits one Markdown body written with the two house headings into its parts, so every
 * road a body arrives by (the migration of stored articles, the Admin API, Ghost and
 * Substack imports, the demo) agrees on what the background and the now part are. Pure
 * and thread-safe.
 * <p>
 * A body fits the format when it has exactly one top-level H2 for each section (the
 * default names or the publication's labels, ignoring case, apostrophes and a trailing
 * colon), the background's heading first and the now part's the very next H2. Then the
 * opening is what comes before the background's heading, the background what lies between
 * the two headings, and the now part everything after its heading to the end, later H2s
 * included; the headings themselves go (the labels take their place). Anything else is
 * returned untouched as a free-standing body.
 */
public final class HouseFormat {

	private static final Parser PARSER = Parser.builder()
		.includeSourceSpans(IncludeSourceSpans.BLOCKS)
		.maxOpenBlockParsers(64)
		.build();

	private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[ \\t]*\\r?\\n)+");

	private HouseFormat() {
	}

	/** The body's parts if it fits the format, otherwise the body alone. */
	public static HouseText split(String markdown, HouseLabels labels) {
		return parts(markdown, labels).orElseGet(() -> HouseText.of(markdown));
	}

	/**
	 * The text as one Markdown body: a free-standing body as it is, a piece in the format
	 * with the labels as the two sections' H2 headings, which {@link #split} takes apart
	 * again.
	 */
	public static String joined(HouseText text, HouseLabels labels) {
		if (!text.formatted()) {
			return text.body();
		}
		StringBuilder joined = new StringBuilder();
		if (!text.body().isBlank()) {
			joined.append(text.body().stripTrailing()).append("\n\n");
		}
		joined.append("## ").append(labels.background()).append("\n\n");
		if (!text.background().isBlank()) {
			joined.append(text.background().stripTrailing()).append("\n\n");
		}
		return joined.append("## ").append(labels.now()).append("\n\n").append(text.now().stripTrailing()).toString();
	}

	/** The body's parts, if it fits the format. */
	static Optional<HouseText> parts(String markdown, HouseLabels labels) {
		List<Heading> background = new ArrayList<>();
		List<Heading> now = new ArrayList<>();
		List<Heading> h2s = new ArrayList<>();
		for (Node node = PARSER.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Heading heading && heading.getLevel() == 2) {
				h2s.add(heading);
				HouseSection.named(MarkdownHtml.textOf(heading), labels)
					.ifPresent(section -> (section == HouseSection.BEFORE_YOU_READ ? background : now).add(heading));
			}
		}
		if (background.size() != 1 || now.size() != 1
				|| h2s.indexOf(now.get(0)) != h2s.indexOf(background.get(0)) + 1) {
			return Optional.empty();
		}
		Heading first = background.get(0);
		Heading second = now.get(0);
		return Optional.of(new HouseText(part(markdown.substring(0, lineStart(markdown, first))),
				part(markdown.substring(end(first), lineStart(markdown, second))),
				part(markdown.substring(end(second)))));
	}

	/**
	 * The source without the blank lines around it; a first line's indentation stays (it
	 * may make code).
	 */
	private static String part(String source) {
		return LEADING_BLANK_LINES.matcher(source).replaceFirst("").stripTrailing();
	}

	private static int lineStart(String markdown, Node block) {
		return markdown.lastIndexOf('\n', block.getSourceSpans().get(0).getInputIndex() - 1) + 1;
	}

	/** Where the block's source ends (a setext heading spans two lines). */
	private static int end(Node block) {
		List<SourceSpan> spans = block.getSourceSpans();
		SourceSpan last = spans.get(spans.size() - 1);
		return last.getInputIndex() + last.getLength();
	}

}
