package org.backstory.members.web;

import org.backstory.members.MemberDirectory;
import org.backstory.members.web.TwoFactorFixtures.Team;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every two-factor test over HTTP starts from: a {@link Team} of staff to sign in
 * and enroll, and a settable clock to step codes with (subclasses import
 * {@code SettableClock.Configuration}); afterwards the clock is real again and the team
 * put back.
 */
abstract class TwoFactorIntegrationTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	Team team;

	@BeforeEach
	void team() {
		team = new Team(port, directory, jdbc, clock);
	}

	@AfterEach
	void putBack() {
		clock.reset();
		team.putBack();
	}

}
