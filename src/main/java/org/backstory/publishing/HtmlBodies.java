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
 * Turns HTML written elsewhere (Ghost's {@code ?source=html}) into the body Backstory stores: Markdown in which each
 * top-level HTML block stands on a line of its own, so CommonMark keeps it as an HTML block and the renderer's
 * sanitiser decides what stays; headings become Markdown headings, so the house sections open as they do for
 * articles written here; Ghost's {@code <!--members-only-->} becomes the paywall line {@code <!-- paywall -->};
 * other comments go. Runs of text and inline elements become one paragraph.
 */
public final class HtmlBodies {

	/** The line that ends the free preview in a stored body. */
	public static final String PAYWALL = "<!-- paywall -->";

	/** The elements that open a CommonMark HTML block that a blank line ends (spec 4.6, kind 6), and {@code pre}. */
	private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "details", "dialog",
			"dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li", "main",
			"nav", "ol", "p", "section", "table", "ul", "pre");

	private static final Pattern HEADING = Pattern.compile("h[1-6]");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(?:\\n[ \\t]*)+");

	private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("([\\\\`*_\\[\\]<>#!|{}()~&])");

	private HtmlBodies() {
	}

	/** The stored Markdown for this HTML. */
	public static String markdownOf(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		List<String> blocks = new ArrayList<>();
		StringBuilder inline = new StringBuilder();
		for (Node node : document.body().childNodes()) {
			if (node instanceof Comment comment) {
				if (comment.getData().strip().toLowerCase(Locale.ROOT).equals("members-only")) {
					flush(inline, blocks);
					blocks.add(PAYWALL);
				}
			}
			else if (node instanceof Element element && HEADING.matcher(element.tagName()).matches()) {
				flush(inline, blocks);
				String text = MARKDOWN_PUNCTUATION.matcher(element.text().strip()).replaceAll("\\\\$1");
				if (!text.isEmpty()) {
					blocks.add("#".repeat(element.tagName().charAt(1) - '0') + " " + text);
				}
			}
			else if (node instanceof Element element && BLOCKS.contains(element.tagName())) {
				flush(inline, blocks);
				element.select("*").comments().forEach(Node::remove);
				String block = element.outerHtml();
				blocks.add(element.tagName().equals("pre") ? block : BLANK_LINES.matcher(block).replaceAll("\n"));
			}
			else if (node instanceof TextNode text && text.isBlank()) {
				if (!inline.isEmpty()) {
					inline.append(' ');
				}
			}
			else {
				if (node instanceof Element element) {
					element.select("*").comments().forEach(Node::remove);
				}
				inline.append(node.outerHtml());
			}
		}
		flush(inline, blocks);
		return String.join("\n\n", blocks);
	}

	private static void flush(StringBuilder inline, List<String> blocks) {
		String run = inline.toString().strip();
		if (!run.isEmpty()) {
			blocks.add("<p>" + BLANK_LINES.matcher(run).replaceAll("\n") + "</p>");
		}
		inline.setLength(0);
	}

}
