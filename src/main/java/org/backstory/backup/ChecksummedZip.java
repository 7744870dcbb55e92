package org.backstory.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip being streamed out whose entries' SHA-256 sums are kept for the manifest. Nothing
 * is held in memory but the entry being written.
 */
final class ChecksummedZip implements AutoCloseable {

	/** Writes one entry's bytes. */
	interface Content {

		void writeTo(OutputStream out) throws Exception;

	}

	private final ZipOutputStream zip;

	private final Map<String, String> sums = new LinkedHashMap<>();

	ChecksummedZip(OutputStream out) {
		this.zip = new ZipOutputStream(out);
	}

	/** Writes an entry and returns how many newlines it had (the rows of a COPY). */
	long entry(String name, Content content) throws Exception {
		MessageDigest digest = sha256();
		zip.putNextEntry(new ZipEntry(name));
		LineCounter counter = new LineCounter(new DigestOutputStream(zip, digest));
		content.writeTo(counter);
		counter.flush();
		zip.closeEntry();
		sums.put(name, HexFormat.of().formatHex(digest.digest()));
		return counter.lines;
	}

	Map<String, String> sums() {
		return sums;
	}

	/** The last entry, unsummed: it holds the sums. */
	void finish(byte[] manifest) throws IOException {
		zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
		zip.write(manifest);
		zip.closeEntry();
		zip.finish();
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	/** Counts newlines and never closes the zip under it. */
	private static final class LineCounter extends FilterOutputStream {

		private long lines;

		LineCounter(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			if (b == '\n') {
				lines++;
			}
			out.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			for (int i = offset; i < offset + length; i++) {
				if (bytes[i] == '\n') {
					lines++;
				}
			}
			out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
