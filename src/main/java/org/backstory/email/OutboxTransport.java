package org.backstory.email;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.function.Supplier;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.backstory.email.dkim.MessageSigner;

/**
 * The dev outbox: each message becomes an {@code .eml} file under
 * {@code <data-dir>/outbox}, which any mail client opens. Used when no SMTP server is
 * configured.
 */
final class OutboxTransport implements MailTransport {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final Path directory;

	/**
	 * The {@code From} of each message, asked at delivery: the publication's name may
	 * change.
	 */
	private final Supplier<InternetAddress> from;

	private final MessageSigner signer;

	private final Session session = Session.getInstance(new Properties());

	OutboxTransport(Path directory, Supplier<InternetAddress> from, MessageSigner signer) {
		this.directory = directory;
		this.from = from;
		this.signer = signer;
	}

	@Override
	public void deliver(OutgoingMail mail) throws Exception {
		Files.createDirectories(directory);
		Path file = directory.resolve(STAMP.format(mail.createdAt()) + "-" + mail.id() + ".eml");
		// Overwriting keeps a retried delivery to one file.
		try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			signer.writeTo(MimeMessages.build(session, from.get(), mail), out);
		}
	}

	@Override
	public String name() {
		return "outbox";
	}

	Path directory() {
		return directory;
	}

	/** Removes the file of message {@code id}, if there is one. */
	void delete(long id) throws IOException {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*-" + id + ".eml")) {
			for (Path file : files) {
				Files.deleteIfExists(file);
			}
		}
	}

}
