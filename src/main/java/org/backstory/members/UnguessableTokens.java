package org.backstory.members;

import org.backstory.members.account.OneTimeTokens;
import org.jspecify.annotations.Nullable;

/**
 * The shape and storage of the tokens in the members module's one-time links, for other
 * modules' links that must be stored the same way: 256 random bits, URL-safe, kept only
 * as their SHA-256. One implementation, {@link OneTimeTokens}'.
 */
public final class UnguessableTokens {

	private UnguessableTokens() {
	}

	/** A fresh random token: 43 URL-safe characters. */
	public static String newToken() {
		return OneTimeTokens.newToken();
	}

	/** Whether {@code token} has the shape {@link #newToken} gives (costs no query). */
	public static boolean wellFormed(@Nullable String token) {
		return OneTimeTokens.wellFormed(token);
	}

	/** The SHA-256 a token is stored and looked up by. */
	public static byte[] hash(String token) {
		return OneTimeTokens.hash(token);
	}

}
