package org.backstory.members;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberCursorTests {

	@Test
	void aTokenParsesBackToTheSameCursor() {
		MemberCursor cursor = new MemberCursor(Instant.parse("2026-11-29T10:15:30.123456Z"), 42);

		assertThat(MemberCursor.parse(cursor.token())).contains(cursor);
	}

	@Test
	void anythingElseIsNoCursor() {
		assertThat(MemberCursor.parse("1764000000.5-x")).isEmpty();
		assertThat(MemberCursor.parse("' or 1=1 --")).isEmpty();
		assertThat(MemberCursor.parse(null)).isEmpty();
	}

}
