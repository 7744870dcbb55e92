package org.backstory.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that receives webhooks for a test: it records every
 * request and answers with the status codes the test scripts ({@link #answer}), 200 once
 * the script is used up. A 3xx answer carries a Location on this server, so a sender that
 * followed redirects would show up as a second request.
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final Pattern SIGNATURE = Pattern.compile("sha256=([0-9a-f]{64}), t=([0-9]+)");

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Deque<Integer> answers = new ArrayDeque<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	public static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/", exchange -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				Map<String, String> headers = new TreeMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
				receiver.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
						headers, new String(body, StandardCharsets.UTF_8)));
				int status = receiver.nextAnswer();
				if (status / 100 == 3) {
					exchange.getResponseHeaders().add("Location", receiver.url("/redirected"));
				}
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next answers, in order. */
	public synchronized void answer(Integer... statuses) {
		answers.addAll(List.of(statuses));
	}

	private synchronized int nextAnswer() {
		Integer next = answers.poll();
		return next == null ? 200 : next;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	/**
	 * The requests matching {@code which}, waiting up to ten seconds until there are
	 * {@code count}.
	 */
	public List<Received> await(int count, Predicate<Received> which) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<Received> matching = matching(which);
		while (matching.size() < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			matching = matching(which);
		}
		return matching;
	}

	/** The first request whose body contains {@code text}, waiting up to ten seconds. */
	public Received awaitBody(String text) {
		List<Received> found = await(1, request -> request.body().contains(text));
		if (found.isEmpty()) {
			throw new AssertionError("no webhook body containing " + text + " arrived; received " + received.size());
		}
		return found.get(0);
	}

	public List<Received> matching(Predicate<Received> which) {
		return received.stream().filter(which).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** One request as it arrived, header names in lower case. */
	public record Received(String method, String path, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		/**
		 * Whether the {@code X-Ghost-Signature} header is Ghost's HMAC-SHA256 of the raw
		 * body followed by the timestamp, under {@code secret}: what a receiver checks.
		 */
		public boolean signedWith(String secret) {
			Matcher matcher = SIGNATURE.matcher(String.valueOf(header("X-Ghost-Signature")));
			if (!matcher.matches()) {
				return false;
			}
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
				String expected = HexFormat.of()
					.formatHex(mac.doFinal((body + matcher.group(2)).getBytes(StandardCharsets.UTF_8)));
				return expected.equals(matcher.group(1));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** The signature's timestamp, milliseconds since the epoch. */
		public long signedAt() {
			Matcher matcher = SIGNATURE.matcher(String.valueOf(header("X-Ghost-Signature")));
			if (!matcher.matches()) {
				throw new AssertionError("no signature: " + header("X-Ghost-Signature"));
			}
			return Long.parseLong(matcher.group(2));
		}

	}

}
