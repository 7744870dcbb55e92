package org.backstory.api.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Content API answer serialized once, with its entity tag, so a repeated request is answered from memory and a
 * client holding the same tag gets 304.
 *
 * @param body the JSON
 * @param etag the quoted entity tag (a digest of the body)
 */
record JsonAnswer(byte[] body, String etag) {

	static JsonAnswer of(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return new JsonAnswer(body, "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
