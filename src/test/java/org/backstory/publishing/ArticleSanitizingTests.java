package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile Markdown in every position the renderer knows (preview, gated half, house
 * sections, nested containers), plus seeded random mixes of it: whatever goes in, no
 * script, event handler, style, class or dangerous URL comes out.
 */
class ArticleSanitizingTests {

	private static final List<String> ATTACKS = List.of("<script>alert('xss')</script>",
			"<SCRIPT SRC=https://evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
			"<img src=\"https://example.org/a.png\" onerror=\"alert(1)\" onload=alert(2)>",
			"[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))", "[click](jav&#x61;script:alert(1))",
			"[click](  javascript:alert(1))", "[c](vbscript:msgbox(1))", "[c](data:text/html;base64,PHNjcmlwdD4=)",
			"![x](javascript:alert(1))", "![x](data:image/svg+xml;base64,PHN2Zz4=)",
			"<a href=\"javascript:alert(1)\">raw link</a>", "<a href=\"java\tscript:alert(1)\">tab link</a>",
			"<p style=\"background:url(javascript:alert(1))\">styled</p>", "<div onclick=\"alert(1)\">click me</div>",
			"<iframe src=\"https://evil.example\"></iframe>", "<svg onload=alert(1)><circle r=\"1\"/></svg>",
			"<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>", "<object data=\"evil.swf\"></object>",
			"<embed src=\"evil.swf\">", "<form action=\"https://evil.example\"><input name=x></form>",
			"<base href=\"https://evil.example/\">",
			"<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
			"<link rel=stylesheet href=https://evil.example/x.css>", "<style>body{display:none}</style>",
			"<body onload=alert(1)>", "<details open ontoggle=alert(1)>",
			"<a href=\"https://ok.example\" target=_blank>t</a>", "<<script>script>alert(1)<</script>/script>",
			"<scr<script>ipt>alert(1)</script>", "<!--<script>alert(1)//-->", "<![CDATA[<script>alert(1)</script>]]>",
			"<table background=\"javascript:alert(1)\"><tr><td>cell</td></tr></table>",
			"<img src=`javascript:alert(1)`>",
			"<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">ent</a>",
			"<section class=\"paywalled-content\">forged</section>", "<span class=x id=y>attrs</span>");

	private static final List<String> WRAPPERS = List.of("%s", "> %s", "- %s", "1. %s", "**%s**",
			"*[%s](https://ok.example)*", "| a |\n|---|\n| %s |", "> - > %s", "## What's going on now\n\n%s",
			"## Before you read\n\n%s");

	private static final Set<String> FORBIDDEN_TAGS = Set.of("script", "style", "iframe", "object", "embed", "form",
			"input", "svg", "math", "base", "meta", "link", "body", "details");

	private static final Set<String> SECTION_CLASSES = Set.of("before-you-read", "whats-going-on-now");

	private final ArticleRenderer renderer = new ArticleRenderer();

	static Stream<String> attacks() {
		return ATTACKS.stream();
	}

	@ParameterizedTest
	@MethodSource("attacks")
	void everyAttackIsDefusedInEveryPosition(String attack) {
		for (String wrapper : WRAPPERS) {
			String block = wrapper.formatted(attack);
			assertSafe(renderer.render(block + "\n\nAfter."));
			assertSafe(renderer.render(block + "\n\nAfter.", false));
			assertSafe(renderer.render("Free.\n\n<!-- paywall -->\n\n" + block));
			assertSafe(renderer.render("Text " + attack + " inline.\n\nSecond.\n\n" + block));
		}
	}

	@Test
	void randomMixesOfAttacksAndMarkdownStaySafe() {
		Random random = new Random(20261129);
		List<String> pieces = new ArrayList<>(ATTACKS);
		pieces.addAll(List.of("Plain paragraph.", "## Before you read", "## What's going on now", "## Other",
				"<!-- paywall -->", "```\ncode <b>\n```", "    indented code", "* * *", "[ref]: javascript:alert(1)",
				"[link][ref]", "<div>", "</div>", "<p>", "<", ">", "&", "\"", "'", "`", "<!--", "-->", "\n", "\t"));
		for (int round = 0; round < 1000; round++) {
			StringBuilder markdown = new StringBuilder();
			int length = 1 + random.nextInt(12);
			for (int i = 0; i < length; i++) {
				markdown.append(pieces.get(random.nextInt(pieces.size())));
				markdown.append(random.nextBoolean() ? "\n\n" : random.nextBoolean() ? "\n" : " ");
			}
			assertSafe(renderer.render(markdown.toString()));
		}
	}

	@Test
	void deeplyNestedMarkdownRendersWithoutBlowingUp() {
		String quotes = "> ".repeat(500) + "deep";
		String lists = "- ".repeat(500) + "deep";
		String emphasis = "*".repeat(5000) + "x" + "*".repeat(5000);
		String brackets = "[".repeat(5000) + "x" + "](https://ok.example)".repeat(100);

		for (String markdown : List.of(quotes, lists, emphasis, brackets)) {
			RenderedBody body = renderer.render(markdown);
			assertSafe(body);
			assertThat(Jsoup.parseBodyFragment(body.previewHtml() + body.gatedHtml()).text()).containsAnyOf("deep",
					"x");
		}
	}

	@Test
	void safeContentOfAnAttackIsKeptAsText() {
		RenderedBody body = renderer.render("<div onclick=\"alert(1)\">click me</div>", false);

		assertThat(body.previewHtml()).isEqualTo("<div>click me</div>\n");
	}

	private static void assertSafe(RenderedBody body) {
		assertSafe(body.previewHtml());
		assertSafe(body.gatedHtml());
	}

	private static void assertSafe(String html) {
		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<!--", "<style", "<iframe");
		Element body = Jsoup.parseBodyFragment(html).body();
		for (Element element : body.select("*").not("body")) {
			assertThat(FORBIDDEN_TAGS).as("tag in %s", html).doesNotContain(element.normalName());
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Cntrl}]", "");
				assertThat(name).as("attribute in %s", html)
					.doesNotStartWith("on")
					.isNotIn("style", "id", "xlink:href");
				if (name.equals("class")) {
					assertThat(element.normalName()).isEqualTo("section");
					assertThat(SECTION_CLASSES).contains(attribute.getValue());
				}
				assertThat(value).as("URL in %s", html)
					.doesNotStartWith("javascript:")
					.doesNotStartWith("vbscript:")
					.doesNotStartWith("data:");
			}
			if (element.normalName().equals("a")) {
				assertThat(element.attr("rel")).isEqualTo("nofollow noopener");
				assertThat(element.hasAttr("target")).isFalse();
			}
		}
	}

}
