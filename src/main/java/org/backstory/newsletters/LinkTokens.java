package org.backstory.newsletters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and reads the tokens in newsletter links: the ids in decimal, then an HMAC-SHA256
 * of the purpose and the ids under the publication's key, cut to 128 bits, all joined by
 * dots, e.g. {@code 42.3.17.Xb0mV2dx8rYh1fQk3L9aPw}. The MAC covers the purpose, so a
 * token made for one purpose never reads as another. Dots, digits and the base64url
 * alphabet need no escaping in a URL, in HTML or in quoted-printable. Thread-safe: each
 * thread gets its own {@link Mac}.
 */
final class LinkTokens {

	/** What a token is for; each purpose carries a fixed number of ids. */
	enum Purpose {

		UNSUBSCRIBE("unsubscribe", 3), PREFERENCES("preferences", 1), UNFOLLOW("unfollow", 3),
		/** The open pixel of one message: send, member. */
		OPEN("open", 2),
		/**
		 * A tracked link of one message: send, member, the link's position in the send.
		 */
		CLICK("click", 3);

		private final String label;

		private final int ids;

		Purpose(String label, int ids) {
			this.label = label;
			this.ids = ids;
		}

	}

	private static final int MAC_BYTES = 16;

	private static final int MAC_CHARS = 22;

	/**
	 * Three ids of at most 19 digits, three dots and the MAC: anything longer is not
	 * ours.
	 */
	private static final int MAX_LENGTH = 3 * 19 + 3 + MAC_CHARS;

	private static final Pattern ID = Pattern.compile("0|[1-9][0-9]{0,18}");

	private static final Pattern MAC = Pattern.compile("[A-Za-z0-9_-]{" + MAC_CHARS + "}");

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final ThreadLocal<Mac> macs;

	LinkTokens(byte[] key) {
		if (key.length < 32) {
			throw new IllegalArgumentException("a link signing key needs at least 256 bits");
		}
		SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> mac(spec));
	}

	/**
	 * The token for these ids, which must be as many as the purpose carries and not
	 * negative.
	 */
	String sign(Purpose purpose, long... ids) {
		if (ids.length != purpose.ids || Arrays.stream(ids).anyMatch(id -> id < 0)) {
			throw new IllegalArgumentException(purpose.label + " tokens carry " + purpose.ids + " ids, none negative");
		}
		StringBuilder payload = new StringBuilder(64);
		for (long id : ids) {
			payload.append(id).append('.');
		}
		String signed = payload.substring(0, payload.length() - 1);
		return signed + '.' + mac(purpose, signed);
	}

	/**
	 * The ids of a token signed with this key for this purpose; empty when it is
	 * malformed or tampered with.
	 */
	Optional<long[]> read(Purpose purpose, String token) {
		if (token.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != purpose.ids + 1 || !MAC.matcher(parts[purpose.ids]).matches()) {
			return Optional.empty();
		}
		long[] ids = new long[purpose.ids];
		for (int i = 0; i < ids.length; i++) {
			if (!ID.matcher(parts[i]).matches()) {
				return Optional.empty();
			}
			try {
				ids[i] = Long.parseLong(parts[i]);
			}
			catch (NumberFormatException tooLarge) {
				return Optional.empty();
			}
		}
		String signed = token.substring(0, token.lastIndexOf('.'));
		byte[] expected = mac(purpose, signed).getBytes(StandardCharsets.US_ASCII);
		byte[] given = parts[purpose.ids].getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Optional.of(ids) : Optional.empty();
	}

	private String mac(Purpose purpose, String signed) {
		Mac mac = macs.get();
		mac.update(purpose.label.getBytes(StandardCharsets.US_ASCII));
		mac.update((byte) ':');
		byte[] full = mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
		return BASE64URL.encodeToString(Arrays.copyOf(full, MAC_BYTES));
	}

	private static Mac mac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
