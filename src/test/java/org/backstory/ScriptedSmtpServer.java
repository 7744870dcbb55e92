package org.backstory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * A small SMTP server for tests whose answers can be scripted per recipient: refuse a
 * recipient (always or the first n times), close the connection at RCPT, drop it after
 * the message data without answering, or answer slowly. It speaks what Jakarta Mail's
 * client needs (EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT), on
 * 127.0.0.1 with a thread per connection, and records every accepted message with the
 * exact bytes received. All methods are thread-safe and may be called while clients are
 * connected.
 *
 * <pre>
 * try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
 *     smtp.refuseRecipient("gone@example.test", 550, "5.1.1 no such user");
 *     // point the app at 127.0.0.1:smtp.port() with STARTTLS off
 * }
 * </pre>
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	/**
	 * One message accepted for one envelope recipient; a message for two recipients is
	 * recorded twice.
	 *
	 * @param recipient the envelope recipient ({@code RCPT TO}), lower case
	 * @param raw the message as received, dot-unstuffed, line ends as sent, without the
	 * final dot
	 */
	public record Received(String recipient, byte[] raw) {

		/** The message parsed by Jakarta Mail. */
		public MimeMessage message() {
			try {
				return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException("Received bytes are not a message", ex);
			}
		}

		/** The raw message as text, byte for byte (ISO-8859-1). */
		public String text() {
			return new String(raw, StandardCharsets.ISO_8859_1);
		}

	}

	private final ServerSocket serverSocket;

	private final Thread acceptor;

	private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> closesAfterRcpt = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> dropsDuringData = new ConcurrentHashMap<>();

	private volatile Duration delayPerMessage = Duration.ZERO;

	/** Starts listening on a free port of 127.0.0.1. */
	public ScriptedSmtpServer() {
		try {
			serverSocket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		acceptor = new Thread(this::accept, "scripted-smtp-" + serverSocket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return serverSocket.getLocalPort();
	}

	/** Every message accepted so far, in the order the server took them. */
	public List<Received> received() {
		return List.copyOf(received);
	}

	/** How many messages were accepted for {@code address}. */
	public int acceptedFor(String address) {
		String recipient = normalise(address);
		return (int) received.stream().filter(message -> message.recipient().equals(recipient)).count();
	}

	/** How many connections clients have opened. */
	public int connections() {
		return connections.get();
	}

	/**
	 * Answers every {@code RCPT TO} for {@code address} with {@code code text}, e.g. 550
	 * or 451.
	 */
	public void refuseRecipient(String address, int code, String text) {
		refusals.put(normalise(address), new Refusal(null, code, text));
	}

	/**
	 * Answers the first {@code times} {@code RCPT TO} for {@code address} with
	 * {@code code text}, then accepts.
	 */
	public void refuseRecipientTimes(String address, int times, int code, String text) {
		refusals.put(normalise(address), new Refusal(new AtomicInteger(times), code, text));
	}

	/**
	 * Answers the first {@code times} {@code RCPT TO} for {@code address} with 421 and
	 * closes the connection.
	 */
	public void closeAfterRcpt(String address, int times) {
		closesAfterRcpt.put(normalise(address), new AtomicInteger(times));
	}

	/**
	 * The first {@code times} messages for {@code address} are read to the final dot,
	 * then the connection is closed without an answer; they are not recorded as accepted.
	 */
	public void dropDuringData(String address, int times) {
		dropsDuringData.put(normalise(address), new AtomicInteger(times));
	}

	/** Waits this long before accepting each message (the answer to the final dot). */
	public void delayPerMessage(Duration delay) {
		delayPerMessage = delay;
	}

	/**
	 * Forgets the messages received, the connection count, every script and the delay.
	 */
	public void clear() {
		received.clear();
		connections.set(0);
		refusals.clear();
		closesAfterRcpt.clear();
		dropsDuringData.clear();
		delayPerMessage = Duration.ZERO;
	}

	/** Stops listening and closes every open connection. */
	@Override
	public void close() {
		try {
			serverSocket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		for (Socket client : clients) {
			closeQuietly(client);
		}
		try {
			acceptor.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void accept() {
		while (!serverSocket.isClosed()) {
			try {
				Socket client = serverSocket.accept();
				connections.incrementAndGet();
				clients.add(client);
				Thread session = new Thread(() -> converse(client), "scripted-smtp-session-" + client.getPort());
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				// The server socket was closed.
			}
		}
	}

	private void converse(Socket client) {
		try (client) {
			client.setSoTimeout(60_000);
			new Conversation(client.getInputStream(), client.getOutputStream()).run();
		}
		catch (IOException ex) {
			// The client went away or the server is closing.
		}
		finally {
			clients.remove(client);
		}
	}

	private static String normalise(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	/** Takes one use of a "first n times" script; true when the script still applied. */
	private static boolean take(@Nullable AtomicInteger remaining) {
		return remaining != null && remaining.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already gone.
		}
	}

	/**
	 * A scripted answer to RCPT; {@code remaining} is null when it applies every time.
	 */
	private record Refusal(@Nullable AtomicInteger remaining, int code, String text) {

		boolean applies() {
			return remaining == null || take(remaining);
		}

	}

	/** One client connection: the SMTP dialogue and its transaction state. */
	private final class Conversation {

		private final InputStream in;

		private final OutputStream out;

		private final byte[] buffer = new byte[64 * 1024];

		private int position;

		private int limit;

		private boolean mailFrom;

		private final List<String> recipients = new ArrayList<>();

		Conversation(InputStream in, OutputStream out) {
			this.in = in;
			this.out = out;
		}

		void run() throws IOException {
			reply("220 127.0.0.1 ESMTP scripted server ready");
			for (byte @Nullable [] line = readLine(); line != null; line = readLine()) {
				String command = new String(line, StandardCharsets.ISO_8859_1).strip();
				String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO" ->
						reply("250-127.0.0.1 greets you\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 52428800");
					case "HELO" -> reply("250 127.0.0.1");
					case "MAIL" -> {
						reset();
						mailFrom = true;
						reply("250 2.1.0 OK");
					}
					case "RCPT" -> {
						if (!recipient(command)) {
							return;
						}
					}
					case "DATA" -> {
						if (!data()) {
							return;
						}
					}
					case "RSET" -> {
						reset();
						reply("250 2.0.0 OK");
					}
					case "NOOP" -> reply("250 2.0.0 OK");
					case "QUIT" -> {
						reply("221 2.0.0 Bye");
						return;
					}
					default -> reply("502 5.5.2 Command not implemented");
				}
			}
		}

		/** Handles RCPT TO; false when the script closes the connection. */
		private boolean recipient(String command) throws IOException {
			if (!mailFrom) {
				reply("503 5.5.1 MAIL first");
				return true;
			}
			int open = command.indexOf('<');
			int close = command.lastIndexOf('>');
			if (open < 0 || close < open) {
				reply("501 5.1.3 Bad recipient address syntax");
				return true;
			}
			String address = normalise(command.substring(open + 1, close));
			if (take(closesAfterRcpt.get(address))) {
				reply("421 4.3.2 closing");
				return false;
			}
			Refusal refusal = refusals.get(address);
			if (refusal != null && refusal.applies()) {
				reply(refusal.code() + " " + refusal.text());
				return true;
			}
			recipients.add(address);
			reply("250 2.1.5 OK");
			return true;
		}

		/** Handles DATA; false when the script drops the connection. */
		private boolean data() throws IOException {
			if (recipients.isEmpty()) {
				reply("554 5.5.1 No valid recipients");
				return true;
			}
			reply("354 End data with <CR><LF>.<CR><LF>");
			ByteArrayOutputStream message = new ByteArrayOutputStream();
			for (byte @Nullable [] line = readLine();; line = readLine()) {
				if (line == null) {
					throw new IOException("Connection closed during DATA");
				}
				int content = contentLength(line);
				if (content == 1 && line[0] == '.') {
					break;
				}
				int skip = line.length > 0 && line[0] == '.' ? 1 : 0;
				message.write(line, skip, line.length - skip);
			}
			for (String recipient : recipients) {
				if (take(dropsDuringData.get(recipient))) {
					return false;
				}
			}
			pause();
			byte[] raw = message.toByteArray();
			for (String recipient : recipients) {
				received.add(new Received(recipient, raw));
			}
			reset();
			reply("250 2.0.0 OK queued");
			return true;
		}

		private void pause() {
			Duration delay = delayPerMessage;
			if (!delay.isZero()) {
				try {
					Thread.sleep(delay.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		private void reset() {
			mailFrom = false;
			recipients.clear();
		}

		/**
		 * One line with its line end (CRLF or bare LF), or null at the end of the stream.
		 */
		private byte @Nullable [] readLine() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream(128);
			while (true) {
				if (position == limit && !fill()) {
					return line.size() == 0 ? null : line.toByteArray();
				}
				int start = position;
				while (position < limit && buffer[position] != '\n') {
					position++;
				}
				if (position < limit) {
					position++;
					line.write(buffer, start, position - start);
					return line.toByteArray();
				}
				line.write(buffer, start, position - start);
			}
		}

		private boolean fill() throws IOException {
			try {
				limit = in.read(buffer);
			}
			catch (SocketException ex) {
				limit = -1;
			}
			position = 0;
			if (limit < 0) {
				limit = 0;
				return false;
			}
			return true;
		}

		private static int contentLength(byte[] line) {
			int length = line.length;
			if (length > 0 && line[length - 1] == '\n') {
				length--;
				if (length > 0 && line[length - 1] == '\r') {
					length--;
				}
			}
			return length;
		}

		private void reply(String text) throws IOException {
			out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}

	}

}
