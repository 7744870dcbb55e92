package org.backstory.email;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.backstory.email.dkim.MessageSigner;

/**
 * Bulk delivery to the dev outbox: each message becomes
 * {@code <outbox>/newsletters/<message-id>.eml}. A repeated message overwrites its file,
 * as a receiver would see one message per Message-ID.
 */
final class OutboxBulkMailer implements BulkMailer {

	private final Path directory;

	private final MessageSigner signer;

	OutboxBulkMailer(Path outbox, MessageSigner signer) {
		this.directory = outbox.resolve("newsletters");
		this.signer = signer;
	}

	@Override
	public BulkConnection connect() throws DeliveryFailure {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new DeliveryFailure("outbox: " + ex.getMessage(), false, 0, ex);
		}
		return new BulkConnection() {
			@Override
			public void send(BulkMessage message) throws DeliveryFailure {
				Path file = directory.resolve(message.messageId().replaceAll("[^A-Za-z0-9.@_-]", "_") + ".eml");
				try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
						StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
					out.write(signer.sign(BulkMessageWriter.write(message)));
				}
				catch (IOException ex) {
					throw new DeliveryFailure("outbox: " + ex.getMessage(), false, 0, ex);
				}
			}

			@Override
			public void close() {
			}
		};
	}

	@Override
	public String transportName() {
		return "outbox";
	}

}
