package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityObservationsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void requestsAreTimedButSpringSecurityFiltersAreNotObserved() {
		Visitor visitor = new Visitor(port);
		visitor.get("/");
		visitor.get("/login");

		assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
			.contains("http.server.requests")
			.noneMatch(name -> name.startsWith("spring.security"));
	}

}
