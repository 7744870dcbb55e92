package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.session.SessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What reading pages while signed in writes to the session store: nothing, within a
 * minute of signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionWritesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Autowired
	SessionRepository<?> sessions;

	@Test
	void readingPagesSoonAfterSigningInLeavesTheSessionRowAlone() {
		String email = MemberFixtures.reader(directory, "session-writes");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		List<Long> before = lastAccessTimes(memberId);

		visitor.get("/");
		visitor.get("/");
		Visitor.Page account = visitor.get("/account");

		assertThat(account.status()).isEqualTo(200);
		assertThat(before).hasSize(1);
		assertThat(lastAccessTimes(memberId)).isEqualTo(before);
	}

	@Test
	void theSecurityContextIsStoredInTheCompactForm() {
		String email = MemberFixtures.reader(directory, "session-codec");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		byte[] stored = jdbc
			.sql("""
					select a.attribute_bytes from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
					where s.principal_name = :name and a.attribute_name = 'SPRING_SECURITY_CONTEXT'
					""")
			.param("name", Long.toString(memberId))
			.query(byte[].class)
			.single();

		assertThat(stored[0]).isEqualTo((byte) 0xB5);
		assertThat(visitor.get("/account").status()).isEqualTo(200);
	}

	@Test
	void theStoreReadsSessionsOutsideATransaction() {
		Object store = ReflectionTestUtils.getField(sessions, "store");

		assertThat(ReflectionTestUtils.getField(store, "transactionOperations"))
			.isInstanceOf(SessionReadsWithoutTransaction.class);
	}

	@Test
	void signingOutStillDeletesTheSession() {
		String email = MemberFixtures.reader(directory, "session-out");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		Visitor.Page home = visitor.get("/");

		visitor.submit("/", "/logout", Map.of());

		assertThat(home.document().select("header form[action=/logout]")).hasSize(1);
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isZero();
		assertThat(visitor.get("/account").status()).isEqualTo(302);
	}

	private List<Long> lastAccessTimes(long memberId) {
		return jdbc.sql("select last_access_time from spring_session where principal_name = :name")
			.param("name", Long.toString(memberId))
			.query(Long.class)
			.list();
	}

}
