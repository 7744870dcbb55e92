package org.backstory.members;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts and counts for members tests. Addresses are unique per call: the test database
 * is shared.
 */
public final class MemberFixtures {

	public static final String PASSWORD = "correct horse battery";

	private MemberFixtures() {
	}

	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	/** A verified reader with {@link #PASSWORD}; returns the address. */
	public static String reader(MemberDirectory directory, String who) {
		return account(directory, who, MemberRole.MEMBER);
	}

	public static String account(MemberDirectory directory, String who, MemberRole role) {
		String email = uniqueEmail(who);
		directory.createAccount(new NewAccount(email, "Test " + who, PASSWORD, role, true));
		return email;
	}

	public static long members(JdbcClient jdbc, String email) {
		return jdbc.sql("select count(*) from members.member where lower(email) = lower(:email)")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	public static long sessionRows(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	public static long sessionsOf(JdbcClient jdbc, long memberId) {
		return jdbc.sql("select count(*) from spring_session where principal_name = :name")
			.param("name", Long.toString(memberId))
			.query(Long.class)
			.single();
	}

}
