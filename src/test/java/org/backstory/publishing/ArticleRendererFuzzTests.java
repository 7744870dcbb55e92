package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz tests of the Markdown renderer and its sanitiser: whatever an author types, both
 * stored halves are free of scripts, and text after the paywall marker never reaches the
 * preview. The inputs in {@code ArticleRendererFuzzTestsInputs} are Markdown files run in
 * every build; {@code bench/fuzz.sh} fuzzes from them.
 */
class ArticleRendererFuzzTests {

	/** Marks gated text in the inputs of {@link #gatedTextNeverReachesThePreview}. */
	private static final String SENTINEL = "§";

	/**
	 * How the sentinel looks inside a link destination, which CommonMark percent-encodes.
	 */
	private static final String SENTINEL_IN_URL = "%C2%A7";

	/**
	 * What the text before the marker may not contain, so that it cannot spell the
	 * sentinel: the sentinel itself, {@code &} (an entity such as {@code &sect;}) and
	 * {@code %} (its percent-encoding).
	 */
	private static final Pattern SPELLS_SENTINEL = Pattern.compile("[§&%]");

	private static final String MARKER = "<!-- paywall -->";

	/**
	 * Elements that run script, load other documents, or change how the page around them
	 * parses.
	 */
	private static final List<String> ACTIVE_ELEMENTS = List.of("script", "style", "iframe", "frame", "frameset",
			"object", "embed", "applet", "base", "link", "meta", "form", "input", "button", "textarea", "select", "svg",
			"math", "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "portal");

	/** Attributes whose value a browser loads or follows as a URL. */
	private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "srcset",
			"poster", "background", "cite", "data", "xlink:href", "longdesc", "codebase", "dynsrc", "lowsrc", "ping",
			"manifest", "icon");

	/** URL schemes that run script or carry a document of their own. */
	private static final List<String> SCRIPT_SCHEMES = List.of("javascript", "vbscript", "data", "livescript");

	/**
	 * A URL's leading scheme, as browsers read it once controls, spaces, tabs and line
	 * breaks are dropped.
	 */
	private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

	private static final Pattern SRCSET_CANDIDATES = Pattern.compile(",");

	/**
	 * What browsers drop from a URL before reading it: controls and spaces at the ends,
	 * tabs and line breaks within.
	 */
	private static final Pattern URL_IGNORED = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$|[\\t\\n\\r]");

	/**
	 * The renderer's own parser limits, so that this test and the renderer agree on what
	 * is top level.
	 */
	private final Parser parser = Parser.builder()
		.extensions(List.of(TablesExtension.create()))
		.maxOpenBlockParsers(64)
		.maxInlineNesting(64)
		.includeSourceSpans(IncludeSourceSpans.BLOCKS)
		.build();

	private final ArticleRenderer renderer = new ArticleRenderer();

	@FuzzTest
	@Timeout(10)
	void renderedHalvesCarryNoScript(byte[] input) {
		RenderedBody body = renderer.render(new String(input, StandardCharsets.UTF_8));

		assertInert(body.previewHtml());
		assertInert(body.gatedHtml());
	}

	/**
	 * The input is split at its first {@code <!-- paywall -->}: the text before it loses
	 * every character that could spell the sentinel {@code §}, the text after it keeps
	 * its {@code §}s, and a paragraph with one more follows. Whenever the marker is a
	 * top-level block (an unclosed code fence or HTML block in the text before it can
	 * swallow it, and then there is no split there), the preview must not show a
	 * {@code §} anywhere: not in its text, not in an attribute, not percent-encoded in a
	 * link.
	 */
	@FuzzTest
	@Timeout(10)
	void gatedTextNeverReachesThePreview(byte[] input) {
		String text = new String(input, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
		int marker = text.indexOf(MARKER);
		String before = SPELLS_SENTINEL.matcher(marker < 0 ? text : text.substring(0, marker)).replaceAll("");
		String after = marker < 0 ? "" : text.substring(marker + MARKER.length());
		String markdown = before + "\n\n" + MARKER + "\n\n" + after + "\n\n" + SENTINEL + " ends the gated part.\n";
		int markerLine = (int) before.chars().filter(c -> c == '\n').count() + 2;
		if (!isTopLevelBlockAt(markdown, markerLine)) {
			return;
		}

		String preview = renderer.render(markdown).previewHtml();

		assertThat(preview).doesNotContain(SENTINEL).doesNotContainIgnoringCase(SENTINEL_IN_URL);
		for (Element element : Jsoup.parseBodyFragment(preview).getAllElements()) {
			assertThat(element.ownText()).as("text of <%s>", element.tagName()).doesNotContain(SENTINEL);
			for (Attribute attribute : element.attributes()) {
				assertThat(attribute.getValue()).as("%s of <%s>", attribute.getKey(), element.tagName())
					.doesNotContain(SENTINEL)
					.doesNotContainIgnoringCase(SENTINEL_IN_URL);
			}
		}
	}

	private boolean isTopLevelBlockAt(String markdown, int line) {
		for (Node node = parser.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof HtmlBlock && !node.getSourceSpans().isEmpty()
					&& node.getSourceSpans().get(0).getLineIndex() == line) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parses {@code html} as a browser would inside the article page and checks every
	 * element in it.
	 */
	private static void assertInert(String html) {
		for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
			assertThat(ACTIVE_ELEMENTS).as("element in %s", html).doesNotContain(element.normalName());
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("attribute of <%s> in %s", element.tagName(), html)
					.doesNotStartWith("on")
					.isNotEqualTo("style");
				if (URL_ATTRIBUTES.contains(name)) {
					for (String url : urls(name, attribute.getValue())) {
						assertThat(SCRIPT_SCHEMES).as("%s=\"%s\" in %s", name, attribute.getValue(), html)
							.doesNotContain(scheme(url));
					}
				}
			}
		}
	}

	/**
	 * The URLs in an attribute: one, or for {@code srcset} the first word of each
	 * comma-separated candidate.
	 */
	private static List<String> urls(String attribute, String value) {
		if (!attribute.equals("srcset")) {
			return List.of(value);
		}
		return SRCSET_CANDIDATES.splitAsStream(value).map(String::strip).map(c -> c.split("\\s+", 2)[0]).toList();
	}

	/** The scheme a browser would see, or empty for a relative URL. */
	private static String scheme(String url) {
		Matcher matcher = SCHEME.matcher(URL_IGNORED.matcher(url).replaceAll("").toLowerCase(Locale.ROOT));
		return matcher.find() ? matcher.group(1) : "";
	}

}
