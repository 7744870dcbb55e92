package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberDirectoryIntegrationTests {

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsAnAccountAndFindsItByIdAndByAddressInAnyCase() {
		String email = MemberFixtures.uniqueEmail("Editor");

		long id = directory
			.createAccount(new NewAccount(email, " Eddie Editor ", "demo-password", MemberRole.EDITOR, true));

		MemberProfile profile = directory.profile(id).orElseThrow();
		assertThat(profile.email()).isEqualTo(email);
		assertThat(profile.name()).isEqualTo("Eddie Editor");
		assertThat(profile.role()).isEqualTo(MemberRole.EDITOR);
		assertThat(profile.emailVerified()).isTrue();
		assertThat(directory.findByEmail(email.toUpperCase())).contains(profile);
	}

	@Test
	void creatingAnExistingAddressReturnsTheExistingIdAndChangesNothing() {
		String email = MemberFixtures.uniqueEmail("twice");
		long first = directory.createAccount(new NewAccount(email, "First", "demo-password", MemberRole.MEMBER, true));

		long second = directory
			.createAccount(new NewAccount(email.toUpperCase(), "Second", "other-password", MemberRole.OWNER, false));

		assertThat(second).isEqualTo(first);
		assertThat(directory.profile(first).orElseThrow().name()).isEqualTo("First");
		assertThat(MemberFixtures.members(jdbc, email)).isEqualTo(1);
	}

	@Test
	void refusesAccountsThatBreakTheRules() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> directory.createAccount(new NewAccount("nope", "N", "demo-password", MemberRole.MEMBER, true)));
		assertThatIllegalArgumentException().isThrownBy(() -> directory
			.createAccount(new NewAccount(MemberFixtures.uniqueEmail("x"), "N", "short", MemberRole.MEMBER, true)));
	}

	@Test
	void storesPasswordsAsArgon2Hashes() {
		String email = MemberFixtures.uniqueEmail("hash");
		directory.createAccount(new NewAccount(email, "Hash", "demo-password", MemberRole.MEMBER, true));

		String hash = jdbc.sql("select password_hash from members.member where email = :email")
			.param("email", email)
			.query(String.class)
			.single();

		assertThat(hash).startsWith("{argon2}").doesNotContain("demo-password");
	}

	@Test
	void unknownMembersAreAbsent() {
		assertThat(directory.profile(-1)).isEmpty();
		assertThat(directory.findByEmail(MemberFixtures.uniqueEmail("ghost"))).isEmpty();
	}

}
