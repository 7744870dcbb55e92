package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns HTML written elsewhere (Ghost's Admin API {@code html}, a Ghost or Substack
 * archive) into the body Backstory stores: Markdown in which each top-level HTML block
 * stands on a line of its own, so CommonMark keeps it as an HTML block and the renderer's
 * sanitiser decides what stays; plain headings become Markdown headings, so the house
 * sections open as they do for articles written here (a house section as Backstory
 * renders it is opened up, so its heading is one too); a top-level
 * {@code <!--members-only-->} (Ghost's) or {@code <!-- paywall -->} becomes the paywall
 * line {@code <!-- paywall -->}; other comments go. Runs of text and inline elements
 * become one paragraph. Platform conventions (Substack's widgets, Ghost's
 * {@code __GHOST_URL__}) are the caller's to rewrite before.
 */
public final class HtmlBodies {

	/** The line that ends the free preview in a stored body. */
	public static final String PAYWALL = "<!-- paywall -->";

	/**
	 * The top-level comments that mark the paywall point: Ghost's, and Backstory's own.
	 */
	private static final Set<String> PAYWALL_COMMENTS = Set.of("members-only", "paywall");

	/**
	 * Elements that run on inside a paragraph; every other top-level element is a block
	 * of its own.
	 */
	private static final Set<String> INLINE = Set.of("a", "abbr", "b", "br", "code", "del", "em", "i", "img", "ins",
			"kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u");

	private static final Pattern HEADING = Pattern.compile("h[1-6]");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(?:\\n[ \\t]*)+");

	private HtmlBodies() {
	}

	/** The stored Markdown for this HTML fragment. */
	public static String markdownOf(String html) {
		return markdownOf(Jsoup.parseBodyFragment(html).body());
	}

	/**
	 * The stored Markdown for an already parsed body: its child nodes are the top-level
	 * blocks. Comments inside the blocks are removed from the element, and its document
	 * is set not to pretty-print.
	 */
	public static String markdownOf(Element body) {
		Document document = body.ownerDocument();
		if (document != null) {
			document.outputSettings().prettyPrint(false);
		}
		body.children().select("*").comments().forEach(Node::remove);
		List<String> blocks = new ArrayList<>();
		StringBuilder inline = new StringBuilder();
		for (Node node : unwrappedHouseSections(body)) {
			if (node instanceof Comment comment) {
				if (PAYWALL_COMMENTS.contains(comment.getData().strip().toLowerCase(Locale.ROOT))) {
					flush(inline, blocks);
					blocks.add(PAYWALL);
				}
			}
			else if (node instanceof TextNode text) {
				inline.append(text.outerHtml());
			}
			else if (node instanceof Element element && INLINE.contains(element.normalName())) {
				inline.append(html(element));
			}
			else if (node instanceof Element element && HEADING.matcher(element.normalName()).matches()
					&& element.children().isEmpty()) {
				flush(inline, blocks);
				String text = element.text().strip();
				if (!text.isEmpty()) {
					blocks.add(heading(element.normalName(), text));
				}
			}
			else if (node instanceof Element element) {
				flush(inline, blocks);
				blocks.add(html(element));
			}
		}
		flush(inline, blocks);
		return String.join("\n\n", blocks);
	}

	/**
	 * The body's top-level nodes, with the house format's own sections (as Backstory
	 * renders them, for a GET and PUT round trip through the Admin API) opened up: their
	 * label heading and blocks count as top-level, so {@link HouseFormat} finds the parts
	 * again.
	 */
	private static List<Node> unwrappedHouseSections(Element body) {
		List<Node> nodes = new ArrayList<>();
		for (Node node : body.childNodes()) {
			if (node instanceof Element element && element.normalName().equals("section")
					&& (element.hasClass("before-you-read") || element.hasClass("whats-going-on-now"))) {
				nodes.addAll(element.childNodes());
			}
			else {
				nodes.add(node);
			}
		}
		return nodes;
	}

	/**
	 * Whether the body has the paywall line (spaces around it allowed, as the renderer
	 * allows them).
	 */
	public static boolean hasPaywall(String markdown) {
		return markdown.lines().anyMatch(line -> line.strip().equals(PAYWALL));
	}

	private static void flush(StringBuilder inline, List<String> blocks) {
		String run = inline.toString().strip();
		if (!run.isEmpty()) {
			blocks.add("<p>" + BLANK_LINES.matcher(run).replaceAll("\n") + "</p>");
		}
		inline.setLength(0);
	}

	/**
	 * An element's HTML with no blank line in it, so it cannot end its HTML block early:
	 * where white space is kept ({@code pre}, {@code textarea}) every line break is
	 * written as its character reference, which means the same in text and attributes;
	 * elsewhere a run of blank lines is white space the browser collapses, so it becomes
	 * one line break.
	 */
	private static String html(Element element) {
		String html = element.outerHtml();
		if (!element.select("pre, textarea").isEmpty()) {
			return html.replace("\r\n", "&#10;").replace("\n", "&#10;").replace("\r", "&#10;");
		}
		return BLANK_LINES.matcher(html).replaceAll("\n");
	}

	/**
	 * A heading as Markdown; the title is the page's H1, so an H1 in the body counts as
	 * an H2.
	 */
	private static String heading(String tag, String text) {
		int level = Math.max(2, tag.charAt(1) - '0');
		return "#".repeat(level) + " " + escaped(text);
	}

	/** Text as literal Markdown inline content. */
	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '\\', '`', '*', '_', '[', ']', '#', '!', '~', '|' -> out.append('\\').append(c);
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
