package org.backstory.email.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.Dates;
import org.springframework.stereotype.Component;

/**
 * Newsletter messages in the dev outbox: they are files only (a send's progress lives
 * with the send), so the outbox page reads the latest ones' headers from
 * {@code <data-dir>/outbox/newsletters}.
 */
@Component
class NewsletterOutboxFiles {

	private final Path directory;

	NewsletterOutboxFiles(BackstoryProperties backstory) {
		this.directory = backstory.dataDir().resolve("outbox").resolve("newsletters");
	}

	/**
	 * The newest {@code limit} newsletter messages: time written, recipient and subject.
	 */
	List<NewsletterFile> latest(int limit) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".eml"))
				.map(file -> new Dated(file, modified(file)))
				.sorted(Comparator.comparing(Dated::modified).reversed())
				.limit(limit)
				.map(NewsletterOutboxFiles::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static NewsletterFile read(Dated dated) {
		try (InputStream in = Files.newInputStream(dated.file())) {
			InternetHeaders headers = new InternetHeaders(in);
			return new NewsletterFile(Dates.sortableSecond(dated.modified().toInstant()),
					decoded(headers.getHeader("To", ", ")), decoded(headers.getHeader("Subject", " ")));
		}
		catch (IOException | MessagingException ex) {
			return new NewsletterFile(Dates.sortableSecond(dated.modified().toInstant()), "",
					dated.file().getFileName().toString());
		}
	}

	private static String decoded(String value) {
		if (value == null) {
			return "";
		}
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(value));
		}
		catch (IOException ex) {
			return value;
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private record Dated(Path file, FileTime modified) {
	}

}
