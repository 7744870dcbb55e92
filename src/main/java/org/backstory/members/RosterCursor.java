package org.backstory.members;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A position in a sorted member list: the sort value of the last member shown, as the
 * database gives it (the time they joined, their lower-cased name or address, or a value
 * another module sorts by, such as a billing status), and their id as the tie-breaker.
 *
 * @param value the last member's sort value, as text
 * @param id the last member's id
 */
public record RosterCursor(String value, long id) {

	private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{0,1400})\\.(\\d{1,19})");

	/**
	 * The cursor as a URL-safe token: the value in unpadded Base64url, a dot, the id.
	 */
	public String token() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "."
				+ id;
	}

	/** The cursor a {@link #token()} stands for; empty for anything else. */
	public static Optional<RosterCursor> parse(@Nullable String token) {
		if (token == null) {
			return Optional.empty();
		}
		Matcher matcher = TOKEN.matcher(token);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new RosterCursor(
					new String(Base64.getUrlDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8),
					Long.parseLong(matcher.group(2))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
