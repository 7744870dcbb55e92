package org.backstory.members;

import java.util.List;

import org.backstory.shared.StartRefused;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may scrape the metrics, decided without a server. */
class MetricsScrapeAccessTests {

	private static final String TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymous",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	@Test
	void theTokenAsABearerLetsAScraperIn() {
		MetricsScrapeAccess access = new MetricsScrapeAccess(TOKEN);

		assertThat(granted(access, "Bearer " + TOKEN, ANONYMOUS)).isTrue();
		assertThat(granted(access, "bearer " + TOKEN, ANONYMOUS)).isTrue();
		assertThat(granted(access, "Bearer " + TOKEN + "x", ANONYMOUS)).isFalse();
		assertThat(granted(access, "Basic " + TOKEN, ANONYMOUS)).isFalse();
		assertThat(granted(access, TOKEN, ANONYMOUS)).isFalse();
		assertThat(granted(access, null, ANONYMOUS)).isFalse();
	}

	@Test
	void theOwnerIsLetInWithOrWithoutATokenAndNoOneElse() {
		Authentication owner = new TestingAuthenticationToken("1", null, List.of(() -> "ROLE_OWNER"));
		Authentication administrator = new TestingAuthenticationToken("2", null, List.of(() -> "ROLE_ADMINISTRATOR"));

		for (MetricsScrapeAccess access : List.of(new MetricsScrapeAccess(TOKEN), new MetricsScrapeAccess(""),
				new MetricsScrapeAccess(null))) {
			assertThat(granted(access, null, owner)).isTrue();
			assertThat(granted(access, null, administrator)).isFalse();
		}
	}

	@Test
	void withoutATokenNoBearerIsLetIn() {
		assertThat(granted(new MetricsScrapeAccess(""), "Bearer ", ANONYMOUS)).isFalse();
		assertThat(granted(new MetricsScrapeAccess(null), "Bearer " + TOKEN, ANONYMOUS)).isFalse();
	}

	@Test
	void aShortTokenRefusesToStart() {
		assertThatThrownBy(() -> new MetricsScrapeAccess("short-token")).isInstanceOf(StartRefused.class)
			.hasMessageContaining("BACKSTORY_METRICS_TOKEN");
	}

	private static boolean granted(MetricsScrapeAccess access, String authorization, Authentication who) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return access.authorize(() -> who, new RequestAuthorizationContext(request)).isGranted();
	}

}
