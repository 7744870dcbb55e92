package org.backstory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A reader talking to the running app over real HTTP, with its own cookie jar: what a
 * browser without JavaScript would do. Redirects are not followed, so tests can assert on
 * them. Each visitor comes from its own client IP (sent as {@code X-Forwarded-For}, which
 * the app trusts from loopback), so per-IP sign-in throttling in one test never locks out
 * another.
 */
public final class Visitor {

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private final String base;

	private final String clientIp;

	private final @Nullable String userAgent;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	public Visitor(int port) {
		this(port, nextClientIp());
	}

	/** A visitor coming from {@code clientIp}, for tests about per-IP behaviour. */
	public Visitor(int port, String clientIp) {
		this(port, clientIp, null);
	}

	/**
	 * A visitor coming from {@code clientIp} that sends {@code userAgent} (a crawler's,
	 * say) with every request.
	 */
	public Visitor(int port, String clientIp, @Nullable String userAgent) {
		this.base = "http://127.0.0.1:" + port;
		this.clientIp = clientIp;
		this.userAgent = userAgent;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** A response: status, headers and the body as text. */
	public record Page(int status, java.net.http.HttpHeaders headers, String body) {

		public String header(String name) {
			return headers.firstValue(name).orElse("");
		}

		public org.jsoup.nodes.Document document() {
			return Jsoup.parse(body);
		}

	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/**
	 * Gets {@code path} with extra request headers, given as name-value pairs (a
	 * conditional GET's validators).
	 */
	public Page get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().headers(headers));
	}

	/** A response whose body is kept as bytes (a zip, an image). */
	public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {

		public String header(String name) {
			return headers.firstValue(name).orElse("");
		}

	}

	/** Gets {@code path} and keeps the body as bytes. */
	public Download download(String path) {
		try {
			HttpResponse<byte[]> response = client.send(
					identified(HttpRequest.newBuilder(URI.create(base + path)).GET()),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The client IP this visitor's requests come from. */
	public String clientIp() {
		return clientIp;
	}

	/**
	 * Follows redirects from {@code path} until a non-redirect answer, as a browser
	 * would.
	 */
	public Page follow(String path) {
		Page page = get(path);
		for (int hops = 0; hops < 10 && page.status() / 100 == 3; hops++) {
			page = get(relative(page.header("Location")));
		}
		return page;
	}

	/**
	 * Submits the form at {@code formPath} whose action is {@code action}, carrying the
	 * form's hidden CSRF field and the given fields, as a browser would after loading the
	 * form.
	 */
	public Page submit(String formPath, String action, Map<String, String> fields) {
		return submit(formPath, action, fields, "", List.of());
	}

	/**
	 * Like {@link #submit(String, String, Map)}, and also sends {@code name} once for
	 * each of {@code checked}, as a browser sends the ticked boxes of checkboxes sharing
	 * a name.
	 */
	public Page submit(String formPath, String action, Map<String, String> fields, String name,
			Collection<String> checked) {
		Page formPage = get(formPath);
		// A page may carry a GET form to the same address (a coupon field beside the card
		// form): the one that posts is the one submitted.
		Element form = formPage.document().selectFirst("form[action=" + action + "]:not([method=get])");
		if (form == null) {
			throw new AssertionError(
					"no form with action " + action + " on " + formPath + " (status " + formPage.status() + ")");
		}
		Map<String, String> values = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.attr("value")));
		values.putAll(fields);
		List<Map.Entry<String, String>> pairs = new ArrayList<>(values.entrySet());
		checked.forEach(value -> pairs.add(Map.entry(name, value)));
		return post(action, pairs);
	}

	/** Posts form fields as they are: no CSRF field is added. */
	public Page post(String path, Map<String, String> fields) {
		return post(path, List.copyOf(fields.entrySet()));
	}

	private Page post(String path, List<Map.Entry<String, String>> fields) {
		return postEncoded(path,
				fields.stream()
					.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
					.collect(Collectors.joining("&")));
	}

	/**
	 * Posts a form body exactly as given, already percent-encoded, for tests that send
	 * what a browser would not (a {@code %FF} that decodes to no UTF-8 character).
	 */
	public Page postEncoded(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Posts one file as {@code multipart/form-data} in the field {@code field}, as the
	 * admin's scripts do: the CSRF token (from the log-out form of the page at
	 * {@code tokenPage}) goes in the {@code X-XSRF-TOKEN} header.
	 */
	public Page upload(String path, String tokenPage, String field, String filename, String contentType,
			byte[] content) {
		Element token = get(tokenPage).document().selectFirst("input[name=_csrf]");
		HttpRequest.Builder request = multipart(path, Map.of(), field, filename, contentType, content);
		if (token != null) {
			request.header("X-XSRF-TOKEN", token.attr("value"));
		}
		return send(request);
	}

	/**
	 * Uploads a CSV file through the form at {@code formPath} whose action is
	 * {@code action}, as a browser posts a {@code multipart/form-data} form: the form's
	 * hidden fields (CSRF) and one file part.
	 */
	public Page upload(String formPath, String action, String fileField, String fileName, byte[] content) {
		Page formPage = get(formPath);
		// A page may carry a GET form to the same address (a coupon field beside the card
		// form): the one that posts is the one submitted.
		Element form = formPage.document().selectFirst("form[action=" + action + "]:not([method=get])");
		if (form == null) {
			throw new AssertionError(
					"no form with action " + action + " on " + formPath + " (status " + formPage.status() + ")");
		}
		Map<String, String> hidden = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> hidden.put(input.attr("name"), input.attr("value")));
		return send(multipart(action, hidden, fileField, fileName, "text/csv", content));
	}

	private HttpRequest.Builder multipart(String path, Map<String, String> fields, String fileField, String fileName,
			String contentType, byte[] content) {
		String boundary = "visitor-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

	/**
	 * A new visitor already signed in with a demo account (password
	 * {@code demo-password}).
	 */
	public static Visitor demoAccount(int port, String email) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, "demo-password");
		return visitor;
	}

	/**
	 * Signs in with email and password through the login form; returns the answer to the
	 * form post.
	 */
	public Page signIn(String email, String password) {
		return submit("/login", "/login", Map.of("email", email, "password", password));
	}

	/** The value of a cookie this visitor holds, or null. */
	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Replaces whatever cookie of this name the visitor holds with one of the given
	 * value, as an attacker can from a sibling subdomain or as a man in the middle on
	 * plain http.
	 */
	public void plantCookie(String name, String value) {
		URI site = URI.create(base);
		cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.toList()
			.forEach(c -> cookies.getCookieStore().remove(null, c));
		HttpCookie planted = new HttpCookie(name, value);
		planted.setPath("/");
		planted.setVersion(0);
		cookies.getCookieStore().add(site, planted);
	}

	private String relative(String location) {
		return location.startsWith(base) ? location.substring(base.length())
				: location.replaceFirst("^https?://[^/]+", "");
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(identified(request), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The request with this visitor's client address and, when it has one, its user
	 * agent.
	 */
	private HttpRequest identified(HttpRequest.Builder request) {
		request.header("X-Forwarded-For", clientIp);
		if (userAgent != null) {
			request.setHeader("User-Agent", userAgent);
		}
		return request.build();
	}

	/**
	 * A distinct address from the benchmarking range 198.18.0.0/15 for each new visitor.
	 */
	private static String nextClientIp() {
		int n = CLIENTS.incrementAndGet();
		return "198.18." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
