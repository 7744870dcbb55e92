package org.backstory.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A webhook's target as it is checked when staff add it: an absolute http or https URL
 * with a host, no user name or password, at most 2,000 characters. A literal IP address
 * is checked against {@link TargetAddresses} at once; a name is resolved only when
 * sending, where the address connected to is checked.
 *
 * @param uri the parsed URL
 * @param host the host without IPv6 brackets
 * @param port the port, 80 or 443 when none is given
 */
record TargetUrl(URI uri, String host, int port) {

	static final int MAX_LENGTH = 2000;

	boolean https() {
		return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
	}

	/** Path and query as the request line carries them. */
	String requestTarget() {
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

	/**
	 * The Host header: the host as written, with the port when it is not the scheme's
	 * default.
	 */
	String hostHeader() {
		boolean defaultPort = port == (https() ? 443 : 80);
		String name = host.contains(":") ? "[" + host + "]" : host;
		return defaultPort ? name : name + ":" + port;
	}

	/** Parses a target URL for sending (already checked when it was added). */
	static TargetUrl parse(String text) {
		return check(text, null).target().orElseThrow(() -> new IllegalArgumentException("not a webhook target"));
	}

	/**
	 * The URL, or the sentence that says why it cannot be a target.
	 * @param addresses when given, a literal IP address is checked against it
	 */
	static Checked check(String text, @Nullable TargetAddresses addresses) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return Checked.refused("Enter the URL to send to.");
		}
		if (trimmed.length() > MAX_LENGTH) {
			return Checked.refused("The URL must be at most " + MAX_LENGTH + " characters.");
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			return Checked.refused("This is not a valid URL.");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Checked.refused("Only http:// and https:// URLs can receive webhooks.");
		}
		if (uri.getRawUserInfo() != null) {
			return Checked.refused("Put no user name or password in the URL; the signature authenticates Backstory.");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			return Checked.refused("The URL needs a host name.");
		}
		if (uri.getRawFragment() != null) {
			return Checked.refused("A webhook URL has no #fragment.");
		}
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		int port = uri.getPort() < 0 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
		if (addresses != null && literal(bare)) {
			Optional<InetAddress> address = address(bare);
			if (address.isEmpty()) {
				return Checked.refused("This is not a valid URL.");
			}
			Optional<String> refusal = addresses.refusal(address.get());
			if (refusal.isPresent()) {
				return Checked.refused("Webhooks are not sent to " + refusal.get() + ".");
			}
		}
		return new Checked(Optional.of(new TargetUrl(uri, bare, port)), null);
	}

	private static boolean literal(String host) {
		return host.contains(":") || host.matches("[0-9.]+");
	}

	/** A literal parsed without a lookup (getByName resolves nothing for a literal). */
	private static Optional<InetAddress> address(String literal) {
		try {
			return Optional.of(InetAddress.getByName(literal));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/** A URL that can be a target, or why not. */
	record Checked(Optional<TargetUrl> target, @Nullable String problem) {

		static Checked refused(String problem) {
			return new Checked(Optional.empty(), problem);
		}

	}

}
