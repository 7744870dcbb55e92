package org.backstory.exports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Ghost's ids (24 lower-case hex digits, like a MongoDB ObjectId) and uuids, derived from
 * what Backstory keys a row by, so the same row gets the same id in every export. Ghost's
 * importer gives every row a new id and only uses these to connect rows within the file.
 */
final class GhostIds {

	private GhostIds() {
	}

	/**
	 * The id of the row of {@code kind} (e.g. {@code post}) that Backstory keys by
	 * {@code key}.
	 */
	static String id(String kind, Object key) {
		return HexFormat.of().formatHex(sha256("backstory:" + kind + ":" + key)).substring(0, 24);
	}

	/** A name-based uuid for the row, stable across exports. */
	static String uuid(String kind, Object key) {
		return UUID.nameUUIDFromBytes(("backstory:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
