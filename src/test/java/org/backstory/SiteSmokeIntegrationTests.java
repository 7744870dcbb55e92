package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteSmokeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void homePageShowsThePublicationWithLoginAndSubscribeLinks() {
		Visitor.Page home = new Visitor(port).get("/");

		assertThat(home.status()).isEqualTo(200);
		assertThat(home.document().select("header a[href=/login]").text()).isEqualTo("Log in");
		assertThat(home.document().select("header a[href=/subscribe]").text()).isEqualTo("Subscribe");
	}

	@Test
	void anonymousReadingWritesNoSessionRow() {
		long before = sessionRows();
		Visitor reader = new Visitor(port);
		for (int i = 0; i < 5; i++) {
			reader.get("/");
		}
		assertThat(sessionRows()).isEqualTo(before);
		assertThat(reader.cookie("backstory_session")).isNull();
	}

	@Test
	void healthIsUp() {
		Visitor.Page health = new Visitor(port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	private long sessionRows() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

}
