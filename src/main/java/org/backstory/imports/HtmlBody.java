package org.backstory.imports;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backstory.publishing.HtmlBodies;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * Turns a post's HTML into the body Backstory stores: the platform's conventions are
 * rewritten first (Substack's paywall point, widgets and CDN wrappers; Ghost's
 * {@code __GHOST_URL__}), then {@link HtmlBodies} writes the Markdown that articles
 * written elsewhere are stored as. HTML the parser has to repair counts as broken: the
 * import refuses it rather than guess what the writer meant.
 */
final class HtmlBody {

	/**
	 * Substack's elements that only work on Substack (sign-up boxes, buttons, embeds),
	 * dropped as Ghost's importer does.
	 */
	private static final String SUBSTACK_WIDGETS = ".subscription-widget-wrap, .subscription-widget, p.button-wrapper, "
			+ ".image-gallery-embed, div.tweet, div.native-video-embed, .embedded-post-wrap, div.poll-embed, "
			+ ".install-substack-app-embed, .digest-post-embed";

	/**
	 * {@code https://substackcdn.com/image/fetch/<options>/<encoded original>}: the
	 * original address is kept.
	 */
	private static final Pattern SUBSTACK_CDN = Pattern
		.compile("^https://substackcdn\\.com/image/fetch/[^/]*/(https?%3A%2F%2F.+)$");

	/** The platforms' markup conventions. */
	enum Flavour {

		GHOST, SUBSTACK

	}

	/**
	 * The converted body.
	 *
	 * @param markdown the body to store
	 * @param marker whether the post's paywall point was found
	 * @param broken where and how the HTML is broken, or null when it is sound (then
	 * {@code markdown} is empty)
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
			return new Converted("", false,
					"broken HTML at " + error.getCursorPos() + " (line:column): " + error.getErrorMessage());
		}
		Element body = document.body();
		nodes.forEach(body::appendChild);
		if (flavour == Flavour.GHOST) {
			ghost(body);
		}
		else {
			substack(body);
		}
		String markdown = HtmlBodies.markdownOf(body);
		return new Converted(markdown, HtmlBodies.hasPaywall(markdown), null);
	}

	/**
	 * Ghost: {@code __GHOST_URL__} goes from links (its {@code <!--members-only-->}
	 * paywall and Koenig's card comments are the block converter's).
	 */
	private static void ghost(Element body) {
		for (Element element : body.select("[href], [src]")) {
			for (String attribute : List.of("href", "src")) {
				if (element.hasAttr(attribute)) {
					element.attr(attribute, element.attr(attribute).replace("__GHOST_URL__", ""));
				}
			}
		}
		body.select("[srcset]")
			.forEach(element -> element.attr("srcset", element.attr("srcset").replace("__GHOST_URL__", "")));
	}

	/**
	 * Substack: {@code .paywall-jump} is the paywall; widgets, empty paragraphs and CDN
	 * wrappers go.
	 */
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

}
