package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

class ReadingCacheHeadersTests {

	private final ReadingCacheHeaders interceptor = new ReadingCacheHeaders();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/p/some-article", "/tag/world", "/author/ana", "/story/thaw", "/feed.xml",
			"/tag/world/feed.xml", "/author/ana/feed.xml", "/story/thaw/feed.xml", "/sitemap.xml", "/sitemap-news.xml",
			"/sitemap-2.xml", "/robots.txt" })
	void anonymousReadingPagesMayBeSharedForAMinute(String path) {
		anonymous();

		MockHttpServletResponse response = handle("GET", path);

		assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=60");
		assertThat(response.getHeader("Vary")).isEqualTo("Cookie");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/p/some-article", "/feed.xml", "/tag/world/feed.xml", "/feed/abc.xml", "/account",
			"/login" })
	void everythingSentToASignedInReaderIsPrivate(String path) {
		SignedInMember member = new SignedInMember(42, "reader@example.test", "Reader", MemberRole.MEMBER);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(member, null,
					List.of(new SimpleGrantedAuthority(MemberRole.MEMBER.authority()))));

		MockHttpServletResponse response = handle("GET", path);

		assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
		assertThat(response.getHeader("Vary")).isNull();
	}

	/**
	 * A feed reader fetches a private feed without a session: it is still that member's
	 * alone.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.xml", "/feed/unknown.xml" })
	void anonymousFetchesOfAPrivateFeedMayBeKeptOnlyPrivatelyAndRevalidated(String path) {
		anonymous();

		MockHttpServletResponse response = handle("GET", path);

		assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-cache");
		assertThat(response.getHeader("Vary")).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "GET,/login", "GET,/signup", "GET,/subscribe", "GET,/error", "POST,/", "POST,/p/some-article",
			"GET,/p/a/b", "GET,/tag/", "GET,/tag/a/b/feed.xml", "GET,/p/a/feed.xml", "POST,/feed.xml" })
	void anonymousFormsPostsAndOtherPathsAreNotStored(String method, String path) {
		anonymous();

		assertThat(handle(method, path).getHeader("Cache-Control")).isEqualTo("no-store");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/assets/site.css" })
	void staticAssetsKeepTheirOwnCaching(String path) {
		anonymous();
		MockHttpServletResponse response = new MockHttpServletResponse();

		interceptor.preHandle(new MockHttpServletRequest("GET", path), response, new ResourceHttpRequestHandler());

		assertThat(response.getHeader("Cache-Control")).isNull();
	}

	private MockHttpServletResponse handle(String method, String path) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		interceptor.preHandle(new MockHttpServletRequest(method, path), response, new Object());
		return response;
	}

	private static void anonymous() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
	}

}
