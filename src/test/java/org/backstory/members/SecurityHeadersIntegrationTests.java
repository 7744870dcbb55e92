package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.backstory.Visitor;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser-facing security headers on a walk through the site over HTTP: reader pages,
 * a member's account pages, admin pages, pages opened from a link with a token, an error
 * page, a feed and static files. Every HTML page is also checked for markup the policy
 * would block (inline scripts, style attributes, event handler attributes), so the policy
 * and the pages agree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersIntegrationTests {

	/** A 1×1 PNG: always the same bytes, so every run reuses the one stored copy. */
	private static final byte[] PIXEL = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Test
	void readerPagesFeedsErrorsAndStaticFilesCarryTheReaderPolicy() {
		Visitor reader = new Visitor(port);
		Visitor.Page home = reader.get("/");
		String article = home.document().select("a[href^=/p/]").attr("href");
		assertThat(article).startsWith("/p/");

		SoftAssertions softly = new SoftAssertions();
		for (String path : List.of("/", article, "/login", "/signup", "/subscribe", "/password/forgot", "/feed.xml",
				"/sitemap.xml", "/robots.txt", "/assets/site.css", "/assets/editor.js", "/no-such-page",
				"/p/no-such-article", "/p/a;b")) {
			Visitor.Page page = reader.get(path);
			readerPolicy(softly, path, page);
			sharedPolicy(softly, path, page, "strict-origin-when-cross-origin");
		}
		softly.assertThat(reader.get("/no-such-page").status()).isEqualTo(404);
		softly.assertThat(reader.get("/p/a;b").status()).as("refused by the firewall").isEqualTo(400);
		softly.assertAll();
	}

	@Test
	void aSignedInMembersAccountPagesCarryTheReaderPolicy() {
		Visitor member = new Visitor(port);
		member.signIn(MemberFixtures.reader(directory, "headers-reader"), MemberFixtures.PASSWORD);

		SoftAssertions softly = new SoftAssertions();
		for (String path : List.of("/", "/account", "/account/profile", "/account/password", "/account/newsletters")) {
			Visitor.Page page = member.get(path);
			softly.assertThat(page.status()).as(path).isEqualTo(200);
			readerPolicy(softly, path, page);
			sharedPolicy(softly, path, page, "strict-origin-when-cross-origin");
		}
		softly.assertAll();
	}

	@Test
	void adminPagesMayNotBeFramedAtAll() {
		Visitor editor = new Visitor(port);
		editor.signIn(MemberFixtures.account(directory, "headers-editor", MemberRole.EDITOR), MemberFixtures.PASSWORD);

		SoftAssertions softly = new SoftAssertions();
		for (String path : List.of("/admin", "/admin/articles", "/admin/articles/new", "/admin/tags",
				"/admin/newsletters", "/admin/no-such-page")) {
			Visitor.Page page = editor.get(path);
			softly.assertThat(page.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
			softly.assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
			sharedPolicy(softly, path, page, "strict-origin-when-cross-origin");
		}
		softly.assertAll();
	}

	@Test
	void imageCopiesAreServedWithTheHeadersToo() {
		Visitor editor = new Visitor(port);
		editor.signIn(MemberFixtures.account(directory, "headers-media", MemberRole.EDITOR), MemberFixtures.PASSWORD);
		Visitor.Page uploaded = editor.upload("/admin/media", "/admin", "file", "pixel.png", "image/png", PIXEL);
		assertThat(uploaded.status()).isEqualTo(200);
		String url = JsonMapper.builder().build().readTree(uploaded.body()).get("url").asString();

		Visitor.Page image = new Visitor(port).get(url);

		assertThat(image.status()).isEqualTo(200);
		assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(image.header("Content-Security-Policy")).contains("default-src 'self'");
	}

	/**
	 * Pages opened from a link whose address holds a token (here a made-up one): links
	 * followed from them must not carry that address to another site in the
	 * {@code Referer}.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/login/link?token=not-a-real-token", "/password/reset?token=not-a-real-token",
			"/staff/invite?token=not-a-real-token", "/verify?token=not-a-real-token", "/setup?token=not-a-real-token",
			"/email/change?token=not-a-real-token", "/gift/redeem/not-a-real-token", "/unsubscribe/not-a-real-token",
			"/newsletters/preferences/not-a-real-token", "/feed/not-a-real-token.xml" })
	void pagesOpenedFromATokenLinkSendNoReferrer(String path) {
		Visitor.Page page = new Visitor(port).get(path);

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(page.status()).as(path).isLessThan(500);
		readerPolicy(softly, path, page);
		sharedPolicy(softly, path, page, "no-referrer");
		softly.assertAll();
	}

	@Test
	void theAddressConfirmationLinkSendsNoReferrer() {
		Visitor member = new Visitor(port);
		member.signIn(MemberFixtures.reader(directory, "headers-confirm"), MemberFixtures.PASSWORD);

		Visitor.Page page = member.get("/newsletters/confirm-address/not-a-real-token");

		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

	private static void readerPolicy(SoftAssertions softly, String path, Visitor.Page page) {
		softly.assertThat(page.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'self'");
		softly.assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
	}

	private static void sharedPolicy(SoftAssertions softly, String path, Visitor.Page page, String referrerPolicy) {
		String csp = page.header("Content-Security-Policy");
		softly.assertThat(directives(csp))
			.as(path + " CSP")
			.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
					"base-uri 'none'", "img-src 'self' data: https:");
		softly.assertThat(csp).as(path + " CSP").doesNotContain("unsafe-inline", "unsafe-eval");
		softly.assertThat(page.header("Referrer-Policy")).as(path).isEqualTo(referrerPolicy);
		softly.assertThat(page.header("Permissions-Policy"))
			.as(path)
			.contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
		softly.assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
		if (page.header("Content-Type").startsWith("text/html")) {
			softly.assertThat(blockedMarkup(page)).as(path + " markup the policy blocks").isEmpty();
		}
	}

	private static List<String> directives(String csp) {
		return List.of(csp.split("\\s*;\\s*"));
	}

	/**
	 * Inline scripts (JSON-LD data blocks are not run, so not blocked), style attributes
	 * and elements, handlers.
	 */
	private static List<String> blockedMarkup(Visitor.Page page) {
		return page.document().getAllElements().stream().filter(element -> {
			boolean inlineScript = element.tagName().equals("script") && !element.hasAttr("src")
					&& !element.attr("type").equals("application/ld+json");
			boolean handler = element.attributes().asList().stream().anyMatch(a -> a.getKey().startsWith("on"));
			return inlineScript || handler || element.hasAttr("style") || element.tagName().equals("style");
		}).map(Element::cssSelector).toList();
	}

}
