package org.backstory.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A Content API answer serialized once, with its entity tag and a gzipped copy, so a
 * repeated request is answered from memory and a client holding the same tag gets 304.
 *
 * @param body the JSON
 * @param gzipped the JSON gzipped, for clients that accept it
 * @param etag the quoted, weak entity tag (a digest of the JSON, the same for both
 * encodings)
 */
record JsonAnswer(byte[] body, byte[] gzipped, String etag) {

	static JsonAnswer of(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return new JsonAnswer(body, gzip(body), "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("gzip into memory cannot fail", ex);
		}
		return out.toByteArray();
	}

}
