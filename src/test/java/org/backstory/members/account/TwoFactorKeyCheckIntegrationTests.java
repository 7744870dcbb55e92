package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The start-up check of the two-factor key against the fingerprint the database keeps: a
 * node with another key while staff have two-factor on does not start, since none of them
 * could sign in through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoFactorKeyCheckIntegrationTests {

	@Autowired
	TwoFactorKey key;

	@Autowired
	TwoFactorRepository secrets;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private long memberId;

	@AfterEach
	void putBack() {
		jdbc.sql("delete from members.two_factor where member_id = :id").param("id", memberId).update();
	}

	@Test
	void anotherKeyWhileStaffHaveTwoFactorOnStopsTheStart() {
		String email = MemberFixtures.account(directory, "key-check", MemberRole.EDITOR);
		memberId = directory.findByEmail(email).orElseThrow().id();
		assertThat(secrets.claimKey(key.fingerprint())).isTrue();
		jdbc.sql("""
				insert into members.two_factor (member_id, secret, confirmed_at, created_at)
				values (:id, :secret, :now, :now)""")
			.param("id", memberId)
			.param("secret", key.seal(memberId, new byte[20]))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		byte[] other = new byte[32];
		Arrays.fill(other, (byte) 7);

		assertThatCode(() -> TwoFactorKeyConfiguration.check(key, jdbc)).as("the key that sealed them")
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> TwoFactorKeyConfiguration.check(new TwoFactorKey(other), jdbc))
			.isInstanceOf(InvalidTwoFactorKeyException.class)
			.hasMessage("Backstory will not start because its two-factor key is not the one that sealed the staff's "
					+ "two-factor secrets, so none of them could sign in.");
		assertThat(secrets.on(memberId)).as("nothing deleted").isTrue();
	}

}
