package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Which policy a path gets; the walk over HTTP is
 * {@link SecurityHeadersIntegrationTests}.
 */
class SecurityHeadersTests {

	private final SecurityHeaders headers = new SecurityHeaders();

	@Test
	void aNewsletterEditionAsMailedMayUseInlineStyleButRunNoScript() {
		MockHttpServletResponse response = write("/admin/newsletters/sends/12/editions/preview-subscribe");

		String policy = response.getHeader("Content-Security-Policy");
		assertThat(policy).startsWith("default-src 'none';")
			.contains("style-src 'unsafe-inline'", "frame-ancestors 'none'")
			.doesNotContain("script-src");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/newsletters/sends/12", "/admin/newsletters/sends/12/editions",
			"/admin/articles/3/preview" })
	void otherAdminPagesGetTheAdminPolicy(String path) {
		assertThat(write(path).getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.ADMIN_POLICY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/password/forgot", "/gift", "/newsletters/confirm-address", "/unsubscribe",
			"/staff/invite/accept" })
	void pagesWithoutATokenKeepTheOriginAsReferrer(String path) {
		assertThat(write(path).getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
	}

	@Test
	void aHeaderTheHandlerSetIsKept() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/p/story");
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("Referrer-Policy", "no-referrer");

		headers.writeHeaders(request, response);

		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.READER_POLICY);
	}

	private MockHttpServletResponse write(String path) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		headers.writeHeaders(new MockHttpServletRequest("GET", path), response);
		return response;
	}

}
