package org.backstory.members;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A position in the member list (newest first): the last member of a page. Keyset paging,
 * so a deep page costs what the first one does.
 *
 * @param joinedAt that member's sign-up time
 * @param id that member's id
 */
public record MemberCursor(Instant joinedAt, long id) {

	private static final Pattern TOKEN = Pattern.compile("(-?\\d{1,19})\\.(\\d{1,9})-(\\d{1,19})");

	/** The cursor as a URL-safe token, e.g. {@code 1764000000.123456000-42}. */
	public String token() {
		return joinedAt.getEpochSecond() + "." + joinedAt.getNano() + "-" + id;
	}

	/** The cursor a {@link #token()} stands for; empty for anything else. */
	public static Optional<MemberCursor> parse(@Nullable String token) {
		if (token == null) {
			return Optional.empty();
		}
		Matcher matcher = TOKEN.matcher(token);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new MemberCursor(
					Instant.ofEpochSecond(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))),
					Long.parseLong(matcher.group(3))));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

}
