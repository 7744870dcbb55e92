package org.backstory.imports;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * Turns a post's HTML into the body Backstory stores: Markdown in which each top-level HTML block stands on
 * one line of its own (so CommonMark keeps it as an HTML block and the renderer's sanitiser decides what
 * stays), headings become Markdown headings (so the house sections "Before you read" and "What's going on
 * now" open as they do for articles written here), and the platform's paywall point becomes a line
 * {@code <!-- paywall -->}. HTML the parser has to repair counts as broken: the import refuses it rather than
 * guess what the writer meant.
 */
final class HtmlBody {

	static final String MARKER = "<!-- paywall -->";

	/** Substack's elements that only work on Substack (sign-up boxes, buttons, embeds), dropped as Ghost's importer does. */
	private static final String SUBSTACK_WIDGETS = ".subscription-widget-wrap, .subscription-widget, p.button-wrapper, "
			+ ".image-gallery-embed, div.tweet, div.native-video-embed, .embedded-post-wrap, div.poll-embed, "
			+ ".install-substack-app-embed, .digest-post-embed";

	/** {@code https://substackcdn.com/image/fetch/<options>/<encoded original>}: the original address is kept. */
	private static final Pattern SUBSTACK_CDN = Pattern.compile("^https://substackcdn\\.com/image/fetch/[^/]*/(https?%3A%2F%2F.+)$");

	private static final Set<String> INLINE = Set.of("a", "abbr", "b", "br", "code", "del", "em", "i", "img", "ins",
			"kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u");

	private static final Pattern HEADING = Pattern.compile("h[1-6]");

	/** The platforms' markup conventions. */
	enum Flavour {

		GHOST, SUBSTACK

	}

	/**
	 * The converted body.
	 *
	 * @param markdown the body to store
	 * @param marker whether the post's paywall point was found
	 * @param broken where and how the HTML is broken, or null when it is sound (then {@code markdown} is empty)
	 */
	record Converted(String markdown, boolean marker, @Nullable String broken) {
	}

	private HtmlBody() {
	}

	static Converted convert(String html, Flavour flavour) {
		Document document = Document.createShell("");
		document.outputSettings().prettyPrint(false);
		Parser parser = Parser.htmlParser().setTrackErrors(1);
		List<Node> nodes = parser.parseFragmentInput(html, document.body(), "");
		if (!parser.getErrors().isEmpty()) {
			ParseError error = parser.getErrors().get(0);
			return new Converted("", false, "broken HTML at " + error.getCursorPos() + " (line:column): "
					+ error.getErrorMessage());
		}
		Element body = document.body();
		nodes.forEach(body::appendChild);
		if (flavour == Flavour.GHOST) {
			ghost(body);
		}
		else {
			substack(body);
		}
		return blocks(body);
	}

	/** Ghost: {@code <!--members-only-->} is the paywall; Koenig's card comments and {@code __GHOST_URL__} go. */
	private static void ghost(Element body) {
		for (Comment comment : body.select("*").comments()) {
			String text = comment.getData().strip().toLowerCase(Locale.ROOT);
			if (text.equals("members-only")) {
				comment.replaceWith(new Comment(" paywall "));
			}
			else {
				comment.remove();
			}
		}
		for (Element element : body.select("[href], [src]")) {
			for (String attribute : List.of("href", "src")) {
				if (element.hasAttr(attribute)) {
					element.attr(attribute, element.attr(attribute).replace("__GHOST_URL__", ""));
				}
			}
		}
		body.select("[srcset]").forEach(element -> element.attr("srcset", element.attr("srcset").replace("__GHOST_URL__", "")));
	}

	/** Substack: {@code .paywall-jump} is the paywall; widgets, empty paragraphs and CDN wrappers go. */
	private static void substack(Element body) {
		body.select("*").comments().forEach(Node::remove);
		Element jump = body.selectFirst(".paywall-jump");
		if (jump != null) {
			Element top = jump;
			while (top.parent() != body && top.parent() != null) {
				top = top.parent();
			}
			top.before(new Comment(" paywall "));
			jump.remove();
		}
		body.select(SUBSTACK_WIDGETS).remove();
		for (Element image : body.select("img[src]")) {
			Matcher cdn = SUBSTACK_CDN.matcher(image.attr("src"));
			if (cdn.matches()) {
				image.attr("src", URLDecoder.decode(cdn.group(1), StandardCharsets.UTF_8));
			}
			image.removeAttr("srcset");
		}
		for (Element container : body.select(".captioned-image-container")) {
			Element figure = container.selectFirst("figure");
			if (figure != null) {
				figure.select("picture > source").remove();
				container.replaceWith(figure);
			}
		}
		body.select("p").stream().filter(p -> p.text().isBlank() && p.select("img").isEmpty()).forEach(Node::remove);
	}

	/** The top-level nodes as Markdown blocks; runs of text and inline elements become one paragraph. */
	private static Converted blocks(Element body) {
		List<String> blocks = new ArrayList<>();
		StringBuilder inline = new StringBuilder();
		boolean marker = false;
		for (Node node : body.childNodes()) {
			if (node instanceof Comment comment) {
				if (comment.getData().strip().equals("paywall")) {
					flush(inline, blocks);
					blocks.add(MARKER);
					marker = true;
				}
			}
			else if (node instanceof TextNode text) {
				inline.append(text.outerHtml());
			}
			else if (node instanceof Element element && INLINE.contains(element.normalName())) {
				inline.append(oneLine(element.outerHtml()));
			}
			else if (node instanceof Element element) {
				flush(inline, blocks);
				blocks.add(HEADING.matcher(element.normalName()).matches() && element.children().isEmpty()
						? heading(element) : oneLine(element.outerHtml()));
			}
		}
		flush(inline, blocks);
		return new Converted(String.join("\n\n", blocks), marker, null);
	}

	private static void flush(StringBuilder inline, List<String> blocks) {
		if (!inline.toString().isBlank()) {
			blocks.add("<p>" + oneLine(inline.toString().strip()) + "</p>");
		}
		inline.setLength(0);
	}

	/** A heading as Markdown; the title is the page's H1, so an H1 in the body counts as an H2. */
	private static String heading(Element heading) {
		int level = Math.max(2, heading.normalName().charAt(1) - '0');
		return "#".repeat(level) + " " + escaped(heading.text());
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

	/**
	 * The HTML on one line, so a blank line inside it (in a {@code pre}, say) cannot end the HTML block early:
	 * a line break is written as its character reference, which means the same in text and attributes.
	 */
	private static String oneLine(String html) {
		return html.replace("\r\n", "&#10;").replace("\n", "&#10;").replace("\r", "&#10;");
	}

}
