package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import org.backstory.AllAtOnce;
import org.backstory.Visitor;
import org.backstory.email.SentMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in limits under parallel requests: each attempt is reserved in the database
 * before its password is checked, so no burst checks more passwords than the limits
 * allow, and no late failure shortens a lock. A locked address is mailed a sign-in link,
 * once per lock-out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginThrottleIntegrationTests {

	private static final int PARALLEL = 50;

	private static final String CHECKED = "/login?error=credentials";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberDirectory directory;

	@Test
	void fiftyParallelWrongPasswordsForOneAddressCheckAtMostFive() throws Exception {
		String email = MemberFixtures.reader(directory, "burst");

		List<String> answers = inParallel(i -> new Attempt(new Visitor(port), email, "wrong password " + i));

		assertThat(answers).filteredOn(location -> location.endsWith(CHECKED)).hasSize(5);
		assertThat(answers).filteredOn(location -> location.contains("error=locked")).hasSize(PARALLEL - 5);
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location"))
			.as("the right password while the address is locked")
			.contains("error=locked");
	}

	@Test
	void fiftyParallelWrongPasswordsFromOneIpCheckAtMostTwenty() throws Exception {
		String ip = new Visitor(port).clientIp();
		String email = MemberFixtures.reader(directory, "burst-ip");

		List<String> answers = inParallel(
				i -> new Attempt(new Visitor(port, ip), MemberFixtures.uniqueEmail("spray"), "wrong password"));

		assertThat(answers).filteredOn(location -> location.endsWith(CHECKED)).hasSize(20);
		assertThat(answers).filteredOn(location -> location.contains("error=throttled")).hasSize(PARALLEL - 20);
		assertThat(new Visitor(port, ip).signIn(email, MemberFixtures.PASSWORD).header("Location"))
			.as("the right password from the locked IP")
			.contains("error=throttled");
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location"))
			.as("the right password from another IP")
			.doesNotContain("error");
	}

	@Test
	void rightPasswordsGiveTheirAttemptBackSoAnIpOfManyReadersIsNotLocked() {
		String ip = new Visitor(port).clientIp();
		String email = MemberFixtures.reader(directory, "office");
		for (int i = 0; i < 21; i++) {
			assertThat(new Visitor(port, ip).signIn(email, MemberFixtures.PASSWORD).header("Location"))
				.doesNotContain("error");
		}

		assertThat(new Visitor(port, ip).signIn(email, "one wrong password").header("Location")).endsWith(CHECKED);
	}

	@Test
	void failuresLandingAfterALockLeaveItAsItWas() throws Exception {
		String email = MemberFixtures.reader(directory, "late");
		String key = "login-email:" + email;
		// Four earlier failures and two earlier lock-outs today: the next lock lasts 20
		// minutes.
		jdbc.sql("""
				insert into members.sign_in_throttle (throttle_key, failures, window_started_at, lockouts, updated_at)
				values (:key, 4, now(), 2, now())""").param("key", key).update();

		inParallel(i -> new Attempt(new Visitor(port), email, "wrong password " + i));

		assertThat(jdbc.sql("""
				select coalesce(locked_until > now() + interval '19 minutes', false) from members.sign_in_throttle
				where throttle_key = :key""").param("key", key).query(Boolean.class).single())
			.as("still locked for the third lock-out's 20 minutes")
			.isTrue();
		assertThat(new Visitor(port).signIn(email, MemberFixtures.PASSWORD).header("Location"))
			.contains("error=locked");
	}

	@Test
	void aLockedAddressIsMailedOneSignInLinkPerLockOutAndThePageSaysSoForAnyAddress() {
		String known = MemberFixtures.reader(directory, "notice");
		String unknown = MemberFixtures.uniqueEmail("notice-nobody");
		List<String> knownAnswers = new ArrayList<>();
		List<String> unknownAnswers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			knownAnswers.add(new Visitor(port).signIn(known, "wrong password " + i).header("Location"));
			unknownAnswers.add(new Visitor(port).signIn(unknown, "wrong password " + i).header("Location"));
		}

		assertThat(knownAnswers).isEqualTo(unknownAnswers);
		assertThat(knownAnswers.subList(5, 8)).allMatch(location -> location.endsWith("/login?error=locked"));
		assertThat(new Visitor(port).follow("/login?error=locked").document().select(".error").text())
			.contains("A sign-in link still works: if this address has an account, we have emailed it a sign-in link.");
		assertThat(SentMail.countTo(jdbc, known)).as("one link for the lock-out, however many refusals").isEqualTo(1);
		assertThat(SentMail.countTo(jdbc, unknown)).isZero();
		Visitor owner = new Visitor(port);
		String link = SentMail.lastTo(jdbc, known).path("/login/link");
		assertThat(owner.submit(link, "/login/link/confirm", Map.of()).status()).isEqualTo(302);
		assertThat(owner.get("/account/profile").body()).as("the link signs in while the password is locked")
			.contains(known);

		endLock(known);
		for (int i = 0; i < 6; i++) {
			new Visitor(port).signIn(known, "wrong again " + i);
		}
		assertThat(SentMail.countTo(jdbc, known)).as("a new lock-out, a new link").isEqualTo(2);
	}

	@Test
	void theLockOutLinkCountsAgainstTheMailLimitOfTheAddress() {
		String email = MemberFixtures.reader(directory, "notice-flood");
		for (int i = 0; i < 5; i++) {
			new Visitor(port).submit("/login", "/login/link", Map.of("email", email));
		}

		for (int i = 0; i < 6; i++) {
			new Visitor(port).signIn(email, "wrong password " + i);
		}

		assertThat(SentMail.countTo(jdbc, email)).isEqualTo(5);
	}

	private void endLock(String email) {
		jdbc.sql(
				"update members.sign_in_throttle set locked_until = now() - interval '1 second' where throttle_key = :key")
			.param("key", "login-email:" + email)
			.update();
	}

	/**
	 * One visitor's sign-in, its form loaded before the burst so that only the posts
	 * race.
	 */
	private record Attempt(Visitor visitor, String csrf, String email, String password) {

		Attempt(Visitor visitor, String email, String password) {
			this(visitor,
					visitor.get("/login").document().select("form[action=/login] input[name=_csrf]").attr("value"),
					email, password);
		}

		String post() {
			return visitor.post("/login", Map.of("_csrf", csrf, "email", email, "password", password))
				.header("Location");
		}

	}

	/** Posts {@link #PARALLEL} sign-ins at once; returns where each was sent. */
	private static List<String> inParallel(IntFunction<Attempt> attempt) throws Exception {
		List<Callable<String>> posts = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			posts.add(attempt.apply(i)::post);
		}
		return AllAtOnce.run(posts);
	}

}
