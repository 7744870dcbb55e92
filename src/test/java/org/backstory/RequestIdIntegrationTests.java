package org.backstory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response names its request's id in {@code X-Request-Id}: the trusted proxy's (the
 * tests connect from loopback, a trusted proxy by default) when it sent a valid one, else
 * the app's own. The error pages that show it are in {@code ErrorPagesIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestIdIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void everyResponseCarriesItsOwnId() {
		String first = new Visitor(port).get("/").header("X-Request-Id");
		String second = new Visitor(port).get("/actuator/health").header("X-Request-Id");

		assertThat(first).matches("[0-9a-f]{16}");
		assertThat(second).matches("[0-9a-f]{16}").isNotEqualTo(first);
	}

	@Test
	void theProxysIdIsKeptWhenValidAndReplacedWhenNot() {
		assertThat(new Visitor(port).get("/", "X-Request-Id", "nginx-5e2f1c7b9a10").header("X-Request-Id"))
			.isEqualTo("nginx-5e2f1c7b9a10");
		assertThat(new Visitor(port).get("/", "X-Request-Id", "<b>forged</b>").header("X-Request-Id"))
			.matches("[0-9a-f]{16}");
	}

}
