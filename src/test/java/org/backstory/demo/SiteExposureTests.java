package org.backstory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A site is local only when it listens on loopback and its base URL is plain http on
 * localhost.
 */
class SiteExposureTests {

	@ParameterizedTest
	@CsvSource({ "http://localhost:8080, 127.0.0.1", "http://localhost, localhost", "http://127.0.0.1:9000, 127.0.0.1",
			"http://LOCALHOST:0, 127.0.0.1", "http://127.0.0.5:8080, ::1", "http://[::1]:8080, 127.0.0.1" })
	void loopbackBindAndLocalhostBaseUrlIsLocal(String baseUrl, String bind) {
		assertThat(SiteExposure.publicBecause(URI.create(baseUrl), bind)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "https://news.example.com, 127.0.0.1, BACKSTORY_BASE_URL is https://news.example.com",
			"http://news.example.com, 127.0.0.1, BACKSTORY_BASE_URL is http://news.example.com",
			"https://localhost:8443, 127.0.0.1, BACKSTORY_BASE_URL is https://localhost:8443",
			"http://192.168.1.20:8080, 127.0.0.1, BACKSTORY_BASE_URL is http://192.168.1.20:8080",
			"http://localhost.example.com, 127.0.0.1, BACKSTORY_BASE_URL is http://localhost.example.com",
			"http://localhost:8080, 0.0.0.0, it listens on 0.0.0.0 (BACKSTORY_BIND_ADDRESS)",
			"http://localhost:8080, 192.0.2.10, it listens on 192.0.2.10 (BACKSTORY_BIND_ADDRESS)",
			"http://localhost:8080, '', it listens on every network interface (BACKSTORY_BIND_ADDRESS is empty)" })
	void anythingElseIsPublicAndSaysWhy(String baseUrl, String bind, String why) {
		assertThat(SiteExposure.publicBecause(URI.create(baseUrl), bind)).contains(why);
	}

}
