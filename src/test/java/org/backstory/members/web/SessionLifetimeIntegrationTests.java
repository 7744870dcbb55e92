package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff sessions idle out after 12 hours and end 7 days after sign-in; readers stay
 * signed in for 30 days idle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class SessionLifetimeIntegrationTests {

	private static final long TWELVE_HOURS = Duration.ofHours(12).toSeconds();

	private static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aStaffSessionIdlesOutAfterTwelveHoursAndAReadersAfterThirtyDays() {
		SignedIn editor = StaffFixtures.signedIn(port, directory, MemberRole.EDITOR);
		SignedIn reader = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);

		assertThat(idleLimit(editor.id())).isEqualTo(TWELVE_HOURS);
		assertThat(idleLimit(reader.id())).isEqualTo(THIRTY_DAYS);
	}

	@Test
	void aStaffSessionSignedInByLinkIdlesOutAfterTwelveHoursToo() {
		String email = MemberFixtures.account(directory, "linked-author", MemberRole.AUTHOR);
		long id = directory.findByEmail(email).orElseThrow().id();
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));

		new Visitor(port).submit(SentMail.lastTo(jdbc, email).path("/login/link"), "/login/link/confirm", Map.of());

		assertThat(idleLimit(id)).isEqualTo(TWELVE_HOURS);
	}

	@Test
	void aStaffSessionEndsSevenDaysAfterSignInHoweverBusy() {
		SignedIn editor = StaffFixtures.signedIn(port, directory, MemberRole.EDITOR);

		clock.advance(Duration.ofDays(7).minusMinutes(1));
		assertThat(editor.visitor().get("/admin/newsletters").status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(2));
		Visitor.Page late = editor.visitor().get("/admin/newsletters");

		assertThat(late.status()).isEqualTo(302);
		assertThat(late.header("Location")).contains("/login");
		assertThat(MemberFixtures.sessionsOf(jdbc, editor.id())).isZero();
	}

	@Test
	void aReadersSessionHasNoAbsoluteLimit() {
		SignedIn reader = StaffFixtures.signedIn(port, directory, MemberRole.MEMBER);

		clock.advance(Duration.ofDays(8));

		assertThat(reader.visitor().get("/account/profile").status()).isEqualTo(200);
	}

	@Test
	void someoneTakenOffTheStaffKeepsTheirSessionWithAReadersLifetime() {
		SignedIn owner = StaffFixtures.signedIn(port, directory, MemberRole.OWNER);
		SignedIn author = StaffFixtures.signedIn(port, directory, MemberRole.AUTHOR);

		owner.visitor().submit("/admin/staff", "/admin/staff/" + author.id() + "/remove", Map.of());

		assertThat(idleLimit(author.id())).isEqualTo(THIRTY_DAYS);
		clock.advance(Duration.ofDays(8));
		assertThat(author.visitor().get("/account/profile").status()).isEqualTo(200);
	}

	private long idleLimit(long memberId) {
		return jdbc.sql("select max_inactive_interval from spring_session where principal_name = :name")
			.param("name", Long.toString(memberId))
			.query(Long.class)
			.single();
	}

}
