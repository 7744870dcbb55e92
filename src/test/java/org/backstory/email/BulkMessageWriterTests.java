package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

/** The newsletter message as written byte by byte, read back by Jakarta Mail. */
class BulkMessageWriterTests {

	static final String TEXT = "Grüße aus Zürich — a line that goes on and on and on and on and on and on and on and on "
			+ "and on past seventy-six characters = and an equals sign \nTrailing space \n\n.A dot first\r\nlast";

	static final String HTML = "<p style=\"margin:0 0 16px;color:#222\">Ünïcödé &amp; = signs, %% and 😀</p>"
			+ "<a href=\"https://x.test/unsubscribe/1.2.3.AbC-_d\">unsubscribe</a>".repeat(20);

	@Test
	void readsBackAsTheSameTextAndHtmlWithTheHeaders() throws Exception {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Id", "\"The Weekly\" <weekly.news.test>");
		headers.put("List-Unsubscribe",
				"<https://news.test/unsubscribe/" + "a".repeat(120) + ">, <mailto:ed@news.test?subject=unsubscribe>");
		BulkMessage mail = new BulkMessage("Zoë's Desk", "news@news.test", "ed@news.test", "Ådà Réader",
				"ada@reader.test", "Ünïcödé subject — with a dash", TEXT, HTML, "newsletter.7.42@news.test",
				Instant.parse("2026-11-29T10:00:00Z"), headers);

		byte[] raw = BulkMessageWriter.write(mail);
		MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));

		assertThat(read.getSubject()).isEqualTo("Ünïcödé subject — with a dash");
		assertThat(read.getFrom()[0].toString()).contains("news@news.test");
		assertThat(((jakarta.mail.internet.InternetAddress) read.getFrom()[0]).getPersonal()).isEqualTo("Zoë's Desk");
		assertThat(((jakarta.mail.internet.InternetAddress) read.getAllRecipients()[0]).getPersonal())
			.isEqualTo("Ådà Réader");
		assertThat(read.getHeader("Message-ID", null)).isEqualTo("<newsletter.7.42@news.test>");
		assertThat(read.getHeader("List-Unsubscribe", null).replaceAll("\r\n\\s+", " "))
			.isEqualTo(headers.get("List-Unsubscribe"));
		assertThat(read.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
		MimeMultipart parts = (MimeMultipart) read.getContent();
		assertThat(read.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
		assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
			.isEqualTo(TEXT.replace("\r\n", "\n"));
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
		assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo(HTML);
	}

	@Test
	void everyLineIsShortPlainAsciiEndingInCrlf() {
		byte[] raw = BulkMessageWriter.write(new BulkMessage("A", "a@x.test", null, "B", "b@x.test", "S", TEXT, HTML,
				"m@x.test", Instant.parse("2026-11-29T10:00:00Z"), Map.of()));

		String message = new String(raw, StandardCharsets.US_ASCII);
		for (byte b : raw) {
			assertThat(b & 0xff).isLessThan(128);
		}
		assertThat(message.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		assertThat(Arrays.stream(message.split("\r\n")))
			.allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
	}

}
