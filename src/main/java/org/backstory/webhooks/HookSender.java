package org.backstory.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * Posts one body to a target over HTTP/1.1, by hand rather than with an HTTP client
 * library, because the address must be chosen and checked here: the host name is resolved
 * once, every address it resolves to is checked against {@link TargetAddresses} (one
 * refused address refuses the send, so a name cannot mix a public and a private answer),
 * and the socket connects to that checked address. TLS verifies the certificate against
 * the host name (SNI and endpoint identification). Redirects are not followed: a 3xx is a
 * failed attempt. From the connection to the answer's status line, the exchange has
 * {@link #TIMEOUT} (the name lookup before it is bounded by the system's resolver).
 */
class HookSender {

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final int MAX_STATUS_LINE = 8192;

	private static final String HUNG_UP = "The receiver closed the connection without an HTTP answer.";

	private final TargetAddresses addresses;

	private final String userAgent;

	HookSender(TargetAddresses addresses, String userAgent) {
		this.addresses = addresses;
		this.userAgent = userAgent;
	}

	/**
	 * Sends {@code body} with {@code headers} (besides Host, User-Agent, length and
	 * connection).
	 */
	Outcome send(TargetUrl target, String body, Map<String, String> headers) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		InetAddress address;
		try {
			address = checkedAddress(target.host());
		}
		catch (UnknownHostException ex) {
			return Outcome.failed("The host name " + target.host() + " does not resolve.");
		}
		catch (RefusedAddressException ex) {
			return Outcome.failed("Not sent: " + ex.getMessage() + ".");
		}
		try (Socket plain = new Socket()) {
			plain.connect(new InetSocketAddress(address, target.port()), remainingMillis(deadline));
			Socket socket = target.https() ? tls(plain, target.host(), target.port(), deadline) : plain;
			byte[] payload = body.getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head(target, headers, payload.length).getBytes(StandardCharsets.UTF_8));
				out.write(payload);
				out.flush();
			}
			catch (SocketException ex) {
				// A receiver that hangs up before reading everything makes the write fail
				// (broken pipe, reset).
				throw new IOException(HUNG_UP, ex);
			}
			socket.setSoTimeout(remainingMillis(deadline));
			return Outcome.answered(statusCode(readStatusLine(socket.getInputStream())));
		}
		catch (SocketTimeoutException ex) {
			return Outcome.failed("No answer within " + TIMEOUT.toSeconds() + " s.");
		}
		catch (IOException ex) {
			return Outcome.failed(describe(ex));
		}
	}

	private InetAddress checkedAddress(String host) throws UnknownHostException {
		InetAddress[] all = InetAddress.getAllByName(host);
		for (InetAddress candidate : all) {
			Optional<String> refusal = addresses.refusal(candidate);
			if (refusal.isPresent()) {
				throw new RefusedAddressException(host + " resolves to " + refusal.get());
			}
		}
		return all[0];
	}

	private static Socket tls(Socket plain, String host, int port, long deadline) throws IOException {
		SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host,
				port, true);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!host.contains(":") && !host.matches("[0-9.]+")) {
			parameters.setServerNames(List.of(new SNIHostName(host)));
		}
		socket.setSSLParameters(parameters);
		socket.setSoTimeout(remainingMillis(deadline));
		socket.startHandshake();
		return socket;
	}

	private String head(TargetUrl target, Map<String, String> headers, int length) {
		StringBuilder head = new StringBuilder("POST ").append(target.requestTarget())
			.append(" HTTP/1.1\r\n")
			.append("Host: ")
			.append(target.hostHeader())
			.append("\r\n")
			.append("User-Agent: ")
			.append(userAgent)
			.append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		return head.append("Content-Length: ")
			.append(length)
			.append("\r\n")
			.append("Connection: close\r\n\r\n")
			.toString();
	}

	private static String readStatusLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0 || line.size() >= MAX_STATUS_LINE) {
				throw new IOException(HUNG_UP);
			}
			line.write(b);
		}
		return line.toString(StandardCharsets.ISO_8859_1).strip();
	}

	private static int statusCode(String statusLine) throws IOException {
		String[] parts = statusLine.split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
			throw new IOException("The receiver did not answer in HTTP/1.1.");
		}
		return Integer.parseInt(parts[1]);
	}

	private static int remainingMillis(long deadline) throws SocketTimeoutException {
		long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
		if (remaining <= 0) {
			throw new SocketTimeoutException("deadline passed");
		}
		return (int) remaining;
	}

	private static String describe(IOException ex) {
		String message = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return message.length() > 500 ? message.substring(0, 500) : message;
	}

	/** What became of one attempt: the receiver's status code, or why there was none. */
	record Outcome(@Nullable Integer code, @Nullable String error) {

		static Outcome answered(int code) {
			return new Outcome(code, null);
		}

		static Outcome failed(String error) {
			return new Outcome(null, error);
		}

		boolean delivered() {
			return code != null && code >= 200 && code < 300;
		}

		/**
		 * 410 Gone: the receiver asks not to be called again (Ghost disables such a
		 * webhook).
		 */
		boolean gone() {
			return code != null && code == 410;
		}

	}

	/** An address the target may not reach. */
	private static final class RefusedAddressException extends RuntimeException {

		RefusedAddressException(String message) {
			super(message);
		}

	}

}
