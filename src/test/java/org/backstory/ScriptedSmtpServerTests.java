package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scripted SMTP server, driven by Jakarta Mail's client (and by hand where the client
 * hides the dialogue).
 */
class ScriptedSmtpServerTests {

	private final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

	private final Session session = session(smtp.port());

	@AfterEach
	void stop() {
		smtp.close();
	}

	@Test
	void recordsTheMessageAsReceivedWithoutTheDotStuffing() throws Exception {
		Transport
			.send(message("Ada@Example.test", "Hello", "first line\n.a line starting with a dot\n..two dots\nlast"));

		assertThat(smtp.received()).hasSize(1);
		ScriptedSmtpServer.Received received = smtp.received().get(0);
		assertThat(received.recipient()).isEqualTo("ada@example.test");
		assertThat(received.text()).contains("\r\n\r\nfirst line\r\n.a line starting with a dot\r\n..two dots\r\nlast");
		assertThat(received.message().getSubject()).isEqualTo("Hello");
		assertThat(received.message().getContent()).asString().contains("..two dots");
		assertThat(smtp.acceptedFor("ADA@example.test")).isEqualTo(1);
		assertThat(smtp.connections()).isEqualTo(1);
	}

	@Test
	void recordsAMessageOnceForEachRecipient() throws Exception {
		MimeMessage message = message("ada@example.test", "Both", "Hello");
		message.addRecipient(Message.RecipientType.CC, new InternetAddress("bob@example.test"));

		Transport.send(message);

		assertThat(smtp.received()).extracting(ScriptedSmtpServer.Received::recipient)
			.containsExactly("ada@example.test", "bob@example.test");
		assertThat(smtp.received().get(0).raw()).isEqualTo(smtp.received().get(1).raw());
	}

	@Test
	void aRefusedRecipientIsRefusedWithItsCodeEveryTime() throws Exception {
		smtp.refuseRecipient("gone@example.test", 550, "5.1.1 No such user");

		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(replyCode(sendFailure("gone@example.test"))).isEqualTo(550);
		}
		Transport.send(message("here@example.test", "Still works", "Hello"));
		assertThat(smtp.acceptedFor("gone@example.test")).isZero();
		assertThat(smtp.acceptedFor("here@example.test")).isEqualTo(1);
	}

	@Test
	void aRecipientRefusedForAWhileIsThenAccepted() throws Exception {
		smtp.refuseRecipientTimes("busy@example.test", 2, 451, "4.3.0 Try again later");

		assertThat(replyCode(sendFailure("busy@example.test"))).isEqualTo(451);
		assertThat(replyCode(sendFailure("busy@example.test"))).isEqualTo(451);
		Transport.send(message("busy@example.test", "Third time", "Hello"));

		assertThat(smtp.acceptedFor("busy@example.test")).isEqualTo(1);
	}

	@Test
	void closingAtRcptFailsTheSendAndTheNextConnectionGoesThrough() throws Exception {
		smtp.closeAfterRcpt("flaky@example.test", 1);
		SMTPTransport transport = connect();

		MimeMessage message = message("flaky@example.test", "Closed", "Hello");
		assertThatThrownBy(() -> transport.sendMessage(message, message.getAllRecipients()))
			.isInstanceOf(MessagingException.class);
		assertThat(transport.getLastReturnCode()).isEqualTo(421);
		assertThat(transport.isConnected()).isFalse();

		Transport.send(message("flaky@example.test", "Again", "Hello"));
		assertThat(smtp.acceptedFor("flaky@example.test")).isEqualTo(1);
		assertThat(smtp.connections()).isEqualTo(2);
	}

	@Test
	void droppingAfterTheDataFailsTheSendAndRecordsNothing() throws Exception {
		smtp.dropDuringData("lost@example.test", 1);

		assertThatThrownBy(() -> Transport.send(message("lost@example.test", "Lost", "Hello")))
			.isInstanceOf(MessagingException.class);
		assertThat(smtp.received()).isEmpty();

		Transport.send(message("lost@example.test", "Found", "Hello"));
		assertThat(smtp.received()).singleElement()
			.satisfies(received -> assertThat(received.message().getSubject()).isEqualTo("Found"));
	}

	@Test
	void aDelayHoldsBackTheAnswerToEachMessage() throws Exception {
		smtp.delayPerMessage(Duration.ofMillis(300));
		SMTPTransport transport = connect();

		long start = System.nanoTime();
		for (int i = 0; i < 2; i++) {
			MimeMessage message = message("slow@example.test", "Slow " + i, "Hello");
			transport.sendMessage(message, message.getAllRecipients());
		}
		transport.close();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
		assertThat(smtp.acceptedFor("slow@example.test")).isEqualTo(2);
	}

	@Test
	void oneConnectionCarriesManyMessagesAndRecoversWithRset() throws Exception {
		smtp.refuseRecipient("gone@example.test", 550, "5.1.1 No such user");
		SMTPTransport transport = connect();

		for (String to : List.of("a@example.test", "gone@example.test", "b@example.test")) {
			MimeMessage message = message(to, "To " + to, "Hello");
			try {
				transport.sendMessage(message, message.getAllRecipients());
			}
			catch (SendFailedException ex) {
				transport.issueCommand("RSET", 250);
			}
		}
		transport.issueCommand("NOOP", 250);
		transport.close();

		assertThat(smtp.received()).extracting(ScriptedSmtpServer.Received::recipient)
			.containsExactly("a@example.test", "b@example.test");
		assertThat(smtp.connections()).isEqualTo(1);
	}

	@Test
	void speaksTheDialogueByHand() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", smtp.port())) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			assertThat(in.readLine()).startsWith("220 ");
			assertThat(say(out, in, "EHLO client.test")).startsWith("250-");
			assertThat(in.readLine()).isEqualTo("250-8BITMIME");
			assertThat(in.readLine()).isEqualTo("250-PIPELINING");
			assertThat(in.readLine()).startsWith("250 ");
			assertThat(say(out, in, "HELO client.test")).startsWith("250 ");
			assertThat(say(out, in, "RCPT TO:<a@example.test>")).startsWith("503 ");
			assertThat(say(out, in, "DATA")).startsWith("554 ");
			assertThat(say(out, in, "MAIL FROM:<sender@example.test>")).startsWith("250 ");
			assertThat(say(out, in, "RCPT TO:<a@example.test>")).startsWith("250 ");
			assertThat(say(out, in, "RSET")).startsWith("250 ");
			assertThat(say(out, in, "DATA")).startsWith("554 ");
			assertThat(say(out, in, "NOOP")).startsWith("250 ");
			assertThat(say(out, in, "VRFY a@example.test")).startsWith("502 ");
			assertThat(say(out, in, "MAIL FROM:<sender@example.test>")).startsWith("250 ");
			assertThat(say(out, in, "RCPT TO:<a@example.test>")).startsWith("250 ");
			assertThat(say(out, in, "DATA")).startsWith("354 ");
			out.write("Subject: by hand\r\n\r\n..dot\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(in.readLine()).startsWith("250 ");
			assertThat(say(out, in, "QUIT")).startsWith("221 ");
			assertThat(in.readLine()).isNull();
		}
		assertThat(smtp.received()).singleElement()
			.satisfies(received -> assertThat(received.text()).isEqualTo("Subject: by hand\r\n\r\n.dot\r\n"));
	}

	@Test
	void takesConnectionsInParallel() throws Exception {
		smtp.delayPerMessage(Duration.ofMillis(20));
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<?>> runs = new ArrayList<>();
		for (int client = 0; client < 4; client++) {
			String to = "reader" + client + "@example.test";
			runs.add(clients.submit(() -> {
				SMTPTransport transport = connect();
				for (int i = 0; i < 10; i++) {
					MimeMessage message = message(to, "Message " + i, "Hello");
					transport.sendMessage(message, message.getAllRecipients());
				}
				transport.close();
				return null;
			}));
		}
		for (Future<?> run : runs) {
			run.get();
		}
		clients.shutdown();

		assertThat(smtp.received()).hasSize(40);
		assertThat(smtp.connections()).isEqualTo(4);
		assertThat(smtp.acceptedFor("reader3@example.test")).isEqualTo(10);
	}

	@Test
	void clearForgetsMessagesCountsAndScripts() throws Exception {
		smtp.refuseRecipient("gone@example.test", 550, "5.1.1 No such user");
		Transport.send(message("a@example.test", "Before", "Hello"));

		smtp.clear();

		assertThat(smtp.received()).isEmpty();
		assertThat(smtp.connections()).isZero();
		Transport.send(message("gone@example.test", "After", "Hello"));
		assertThat(smtp.acceptedFor("gone@example.test")).isEqualTo(1);
	}

	@Test
	void closingTheServerEndsOpenConnections() throws Exception {
		SMTPTransport transport = connect();

		smtp.close();

		assertThatThrownBy(() -> transport.issueCommand("NOOP", 250)).isInstanceOf(MessagingException.class);
		assertThatThrownBy(() -> connect()).isInstanceOf(MessagingException.class);
	}

	private MessagingException sendFailure(String to) throws Exception {
		MimeMessage message = message(to, "Refused", "Hello");
		try {
			Transport.send(message);
		}
		catch (MessagingException ex) {
			return ex;
		}
		throw new AssertionError("The server accepted a message to " + to);
	}

	/**
	 * The reply code of the refused recipient, found where Jakarta Mail puts it (a
	 * chained exception).
	 */
	private static int replyCode(@Nullable Exception ex) {
		for (Exception current = ex; current != null;) {
			if (current instanceof SMTPAddressFailedException failed) {
				return failed.getReturnCode();
			}
			current = current instanceof MessagingException messaging ? messaging.getNextException() : null;
		}
		throw new AssertionError("No SMTPAddressFailedException in " + ex);
	}

	private SMTPTransport connect() throws MessagingException {
		SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
		transport.connect();
		return transport;
	}

	private MimeMessage message(String to, String subject, String text) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("sender@example.test"));
		message.setRecipients(Message.RecipientType.TO, to);
		message.setSubject(subject);
		message.setText(text);
		return message;
	}

	private static String say(OutputStream out, BufferedReader in, String command) throws Exception {
		out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return in.readLine();
	}

	private static Session session(int port) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		return Session.getInstance(properties);
	}

}
