package org.backstory.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.backstory.admin.members.MemberExport;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner's export: each file alone, or all of them in one zip. Every download is
 * recorded in the audit log before its first byte is written, and then written from one
 * read-only snapshot of the database (repeatable read), so the files of one archive agree
 * with each other even while the site is in use. Nothing is held whole in memory: every
 * file is written as it is read.
 */
@Service
public class Exports {

	/**
	 * Zip entries other than images carry this date, so an unchanged site zips to the
	 * same bytes.
	 */
	private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

	private final GhostJsonExport posts;

	private final MemberExport members;

	private final BillingCsvExport billing;

	private final MediaZip media;

	private final ExportAudit audit;

	private final TransactionTemplate snapshot;

	Exports(GhostJsonExport posts, MemberExport members, BillingCsvExport billing, MediaZip media, ExportAudit audit,
			PlatformTransactionManager transactions) {
		this.posts = posts;
		this.members = members;
		this.billing = billing;
		this.media = media;
		this.audit = audit;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** The archive's file name, {@code backstory-export-<site>-<yyyy-mm-dd>.zip}. */
	public String archiveName() {
		return audit.archiveName();
	}

	/**
	 * Writes one file of the export. @throws AccessDeniedException unless {@code owner}
	 * is the owner
	 */
	public void write(SignedInMember owner, ExportFile file, OutputStream out) {
		requireOwner(owner);
		audit.downloaded(owner, file.fileName());
		snapshot.executeWithoutResult(status -> {
			if (file == ExportFile.IMAGES) {
				ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
				media.write(zip, "");
				finish(zip);
			}
			else {
				writeFile(owner, file, out);
			}
		});
	}

	/** Writes every file into one zip, the images under {@code images/}. */
	public void writeArchive(SignedInMember owner, OutputStream out) {
		requireOwner(owner);
		audit.downloaded(owner, archiveName());
		snapshot.executeWithoutResult(status -> {
			ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
			try {
				for (ExportFile file : ExportFile.values()) {
					if (file == ExportFile.IMAGES) {
						continue;
					}
					ZipEntry entry = new ZipEntry(file.fileName());
					entry.setLastModifiedTime(FIXED_TIME);
					zip.putNextEntry(entry);
					writeFile(owner, file, zip);
					zip.closeEntry();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			media.write(zip, "images/");
			finish(zip);
		});
	}

	private void writeFile(SignedInMember owner, ExportFile file, OutputStream out) {
		switch (file) {
			case POSTS -> posts.write(owner, out);
			case MEMBERS -> text(out, members::writeWithNewsletters);
			case SUBSCRIPTIONS -> text(out, billing::writeSubscriptions);
			case PAYMENTS -> text(out, billing::writePayments);
			case SUBSCRIPTION_EVENTS -> text(out, billing::writeEvents);
			case IMAGES -> throw new IllegalArgumentException("images are a zip of their own");
		}
	}

	private interface TextFile {

		void write(Writer writer);

	}

	/**
	 * A CSV file in UTF-8, buffered and flushed but not closed, so a zip can go on after
	 * it.
	 */
	private static void text(OutputStream out, TextFile file) {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		file.write(writer);
		try {
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void finish(ZipOutputStream zip) {
		try {
			zip.finish();
			zip.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireOwner(SignedInMember member) {
		if (member.role() != MemberRole.OWNER) {
			throw new AccessDeniedException("only the owner exports the publication");
		}
	}

}
