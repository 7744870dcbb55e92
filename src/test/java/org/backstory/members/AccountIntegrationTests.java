package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Autowired
	ConfigurableApplicationContext context;

	private final List<ApplicationListener<?>> listeners = new CopyOnWriteArrayList<>();

	@AfterEach
	void removeListeners() {
		listeners.forEach(context::removeApplicationListener);
	}

	@Test
	void renamingSavesTheNameAndSaysSo() {
		String email = MemberFixtures.reader(directory, "rename");
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		Visitor.Page saved = visitor.submit("/account/profile", "/account/profile", Map.of("name", "Renamed Reader"));

		assertThat(saved.header("Location")).endsWith("/account/profile?saved");
		assertThat(directory.findByEmail(email).orElseThrow().name()).isEqualTo("Renamed Reader");
		assertThat(visitor.get("/account/profile?saved").document().select(".notice").text()).contains("saved");
	}

	@Test
	void anOversizedOrEmptyNameIsRefused() {
		String email = MemberFixtures.reader(directory, "badname");
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		Visitor.Page tooLong = visitor.submit("/account/profile", "/account/profile", Map.of("name", "x".repeat(101)));
		Visitor.Page empty = visitor.submit("/account/profile", "/account/profile", Map.of("name", "  "));

		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.document().select(".error").text()).contains("at most 100");
		assertThat(empty.document().select(".error").text()).contains("Enter your name");
		assertThat(directory.findByEmail(email).orElseThrow().name()).isEqualTo("Test badname");
	}

	@Test
	void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
		String email = MemberFixtures.reader(directory, "change");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		Visitor elsewhere = new Visitor(port);
		elsewhere.signIn(email, MemberFixtures.PASSWORD);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		Visitor.Page wrong = visitor.submit("/account/password", "/account/password",
				Map.of("currentPassword", "not my password", "newPassword", "another good password"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.document().select(".error").text()).contains("current password is incorrect");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isEqualTo(2);

		Visitor.Page changed = visitor.submit("/account/password", "/account/password",
				Map.of("currentPassword", MemberFixtures.PASSWORD, "newPassword", "another good password"));

		assertThat(changed.header("Location")).endsWith("/account/password?saved");
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isEqualTo(1);
		assertThat(visitor.get("/account/profile").status()).isEqualTo(200);
		assertThat(elsewhere.get("/account/profile").status()).isEqualTo(302);
		assertThat(new Visitor(port).signIn(email, "another good password").header("Location")).doesNotContain("error");
	}

	@Test
	void deletingTheAccountRemovesEveryPersonalRowAndEverySession() {
		String email = MemberFixtures.reader(directory, "delete");
		long memberId = directory.findByEmail(email).orElseThrow().id();
		List<Long> seenBeforeRowWentAway = new CopyOnWriteArrayList<>();
		listen(event -> seenBeforeRowWentAway.add(MemberFixtures.members(jdbc, email) == 1 ? event.memberId() : -1));
		Visitor elsewhere = new Visitor(port);
		elsewhere.signIn(email, MemberFixtures.PASSWORD);
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		new Visitor(port).signIn(email, "one wrong attempt");

		Visitor.Page wrong = visitor.submit("/account/delete", "/account/delete", Map.of("password", "not it at all"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(MemberFixtures.members(jdbc, email)).isEqualTo(1);

		Visitor.Page deleted = visitor.submit("/account/delete", "/account/delete",
				Map.of("password", MemberFixtures.PASSWORD));

		assertThat(deleted.header("Location")).endsWith("/goodbye");
		assertThat(visitor.get("/goodbye").body()).contains("Your account and your personal data have been deleted");
		assertThat(seenBeforeRowWentAway).containsExactly(memberId);
		assertThat(MemberFixtures.members(jdbc, email)).isZero();
		assertThat(count("select count(*) from members.one_time_token where member_id = " + memberId)).isZero();
		assertThat(count(
				"select count(*) from members.sign_in_throttle where throttle_key like '%" + email.toLowerCase() + "'"))
			.isZero();
		assertThat(SentMail.countTo(jdbc, email)).isZero();
		assertThat(MemberFixtures.sessionsOf(jdbc, memberId)).isZero();
		assertThat(visitor.cookie("backstory_session")).isNull();
		assertThat(elsewhere.get("/account/profile").status()).isEqualTo(302);
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location")).contains("error");
	}

	@Test
	void aFailingListenerRollsTheDeletionBack() {
		String email = MemberFixtures.reader(directory, "keep");
		listen(event -> {
			throw new IllegalStateException("billing could not delete its rows");
		});
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		Visitor.Page answer = visitor.submit("/account/delete", "/account/delete",
				Map.of("password", MemberFixtures.PASSWORD));

		assertThat(answer.status()).isEqualTo(500);
		assertThat(MemberFixtures.members(jdbc, email)).isEqualTo(1);
	}

	@Test
	void anAccountWithoutPasswordIsDeletedByTypingTheAddress() {
		String email = MemberFixtures.uniqueEmail("linkonly");
		directory.createAccount(new NewAccount(email, "Link Only", null, MemberRole.MEMBER, true));
		new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		Visitor visitor = new Visitor(port);
		String link = SentMail.lastTo(jdbc, email).path("/login/link");
		visitor.submit(link, "/login/link/confirm", Map.of());
		assertThat(visitor.get("/account/delete").document().select("input[name=email]")).hasSize(1);

		Visitor.Page wrong = visitor.submit("/account/delete", "/account/delete", Map.of("email", "someone@else.test"));
		Visitor.Page deleted = visitor.submit("/account/delete", "/account/delete",
				Map.of("email", email.toUpperCase()));

		assertThat(wrong.document().select(".error").text()).contains("not your email address");
		assertThat(deleted.header("Location")).endsWith("/goodbye");
		assertThat(MemberFixtures.members(jdbc, email)).isZero();
	}

	@Test
	void accountFormsWithoutCsrfTokenAreForbidden() {
		String email = MemberFixtures.reader(directory, "formcsrf");
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		assertThat(visitor.post("/account/delete", Map.of("password", MemberFixtures.PASSWORD)).status())
			.isEqualTo(403);
		assertThat(visitor.post("/account/profile", Map.of("name", "Hacked")).status()).isEqualTo(403);
		assertThat(MemberFixtures.members(jdbc, email)).isEqualTo(1);
		assertThat(directory.findByEmail(email).orElseThrow().name()).isEqualTo("Test formcsrf");
	}

	@Test
	void aMemberWhoseAddressIsNotVerifiedCanAskForANewConfirmationLink() {
		// An account signed in before sign-ups had to confirm their address first.
		String email = MemberFixtures.reader(directory, "unverified");
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		jdbc.sql("update members.member set email_verified_at = null where lower(email) = lower(:email)")
			.param("email", email)
			.update();

		Visitor.Page sent = visitor.submit("/account/profile", "/account/verification", Map.of());

		assertThat(sent.header("Location")).endsWith("/account/profile?verificationSent");
		visitor.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of());
		assertThat(directory.findByEmail(email).orElseThrow().emailVerified()).isTrue();
		assertThat(visitor.get("/account/profile").status()).isEqualTo(200);
	}

	private void listen(java.util.function.Consumer<MemberDeleted> action) {
		ApplicationListener<PayloadApplicationEvent<MemberDeleted>> listener = event -> action
			.accept(event.getPayload());
		listeners.add(listener);
		context.addApplicationListener(listener);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
