package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code X-Forwarded-*} headers over a real connection: believed from the configured
 * proxies (loopback, by default) and ignored from anyone else. The untrusted peer is
 * 127.0.0.2, a loopback address Linux answers from without setup but which is not on the
 * default list ({@code 127.0.0.1} and {@code ::1} only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedHeadersIntegrationTests {

	private static final String FORWARDED = "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n"
			+ "X-Forwarded-Host: news.example.com\r\nX-Forwarded-Port: 443\r\n";

	@LocalServerPort
	int port;

	@Test
	void aTrustedProxysHeadersDecideTheSchemeAndHost() throws IOException {
		String answer = get("127.0.0.1", "/account");

		assertThat(answer).startsWith("HTTP/1.1 302");
		assertThat(header(answer, "Location")).isEqualTo("https://news.example.com/login?next=%2Faccount");
		assertThat(header(answer, "Strict-Transport-Security")).startsWith("max-age=");
	}

	@Test
	void anotherPeersForwardedHeadersAreIgnored() throws IOException {
		String answer = get("127.0.0.2", "/account");

		assertThat(answer).startsWith("HTTP/1.1 302");
		assertThat(header(answer, "Location")).isEqualTo("http://127.0.0.1:" + port + "/login?next=%2Faccount");
		assertThat(header(answer, "Strict-Transport-Security")).isEmpty();
	}

	/**
	 * A GET with the forwarded headers, sent from {@code localAddress}; the whole answer
	 * as text.
	 */
	private String get(String localAddress, String path) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
			socket.setSoTimeout(10_000);
			String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + FORWARDED
					+ "Connection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			try (InputStream in = socket.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			}
		}
	}

	private static String header(String answer, String name) {
		String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
		return head.lines()
			.filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
			.map(line -> line.substring(name.length() + 1).strip())
			.findFirst()
			.orElse("");
	}

}
