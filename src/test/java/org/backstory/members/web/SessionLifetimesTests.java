package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

class SessionLifetimesTests {

	private static final Instant SIGNED_IN = Instant.parse("2026-12-01T09:00:00Z");

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = "MEMBER", mode = EnumSource.Mode.EXCLUDE)
	void everyStaffRoleIdlesOutAfterTwelveHoursAndEndsSevenDaysAfterSignIn(MemberRole role) {
		assertThat(SessionLifetimes.idle(role)).isEqualTo(Duration.ofHours(12));
		assertThat(SessionLifetimes.outlived(role, SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(7)).minusSeconds(1)))
			.isFalse();
		assertThat(SessionLifetimes.outlived(role, SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(7)))).isTrue();
	}

	@Test
	void aReaderIdlesOutAfterThirtyDaysAndHasNoAbsoluteLimit() {
		assertThat(SessionLifetimes.idle(MemberRole.MEMBER)).isEqualTo(Duration.ofDays(30));
		assertThat(SessionLifetimes.outlived(MemberRole.MEMBER, SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(365))))
			.isFalse();
	}

	@Test
	void aStoredSessionCountsFromItsRecordedSignInOrElseItsCreation() {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
				new MemberAuthentication(new SignedInMember(7, "ed@example.test", "Ed", MemberRole.EDITOR))));
		Instant created = SIGNED_IN.minus(Duration.ofDays(30));
		Instant now = SIGNED_IN.plus(Duration.ofDays(1));

		assertThat(SessionLifetimes.outlived(attributes::get, created, now)).as("no origin: from creation").isTrue();
		attributes.put(SessionOrigin.ATTRIBUTE, new SessionOrigin(SIGNED_IN, SignInMethod.PASSWORD, "Firefox", "net"));
		assertThat(SessionLifetimes.outlived(attributes::get, created, now)).as("from the recorded sign-in").isFalse();
	}

	@Test
	void aSessionWithoutAMemberHasNoLimitHere() {
		assertThat(SessionLifetimes.outlived(name -> null, SIGNED_IN.minus(Duration.ofDays(30)), SIGNED_IN)).isFalse();
	}

}
