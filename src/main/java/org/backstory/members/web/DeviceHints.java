package org.backstory.members.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the list of a member's sessions shows of where each was signed in: the browser
 * family and system from the User-Agent, and the network of the IP address (IPv4 /24,
 * IPv6 /48) rather than the address itself.
 */
final class DeviceHints {

	static final String UNKNOWN_NETWORK = "unknown network";

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

	/**
	 * First match wins, so the browsers whose User-Agent also names another come first.
	 */
	private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("Edg", "Edge"),
			Map.entry("OPR/", "Opera"), Map.entry("FxiOS/", "Firefox"), Map.entry("Firefox/", "Firefox"),
			Map.entry("CriOS/", "Chrome"), Map.entry("Chrome/", "Chrome"), Map.entry("Safari/", "Safari"));

	private static final List<Map.Entry<String, String>> SYSTEMS = List.of(Map.entry("iPhone", "iOS"),
			Map.entry("iPad", "iOS"), Map.entry("Android", "Android"), Map.entry("Windows", "Windows"),
			Map.entry("CrOS", "ChromeOS"), Map.entry("Mac OS X", "macOS"), Map.entry("Linux", "Linux"));

	private DeviceHints() {
	}

	/**
	 * e.g. {@code Firefox on Linux}; {@code Unknown browser} when the User-Agent names no
	 * browser we know.
	 */
	static String device(@Nullable String userAgent) {
		String agent = userAgent == null ? "" : userAgent;
		String browser = first(BROWSERS, agent);
		String system = first(SYSTEMS, agent);
		String name = browser == null ? "Unknown browser" : browser;
		return system == null ? name : name + " on " + system;
	}

	/**
	 * e.g. {@code 203.0.113.0/24} or {@code 2001:db8:7::/48}. Only literal addresses are
	 * read, never looked up.
	 */
	static String network(@Nullable String ip) {
		if (ip == null || ip.length() > 64) {
			return UNKNOWN_NETWORK;
		}
		Matcher v4 = IPV4.matcher(ip);
		if (v4.matches()) {
			int[] parts = { Integer.parseInt(v4.group(1)), Integer.parseInt(v4.group(2)), Integer.parseInt(v4.group(3)),
					Integer.parseInt(v4.group(4)) };
			return Arrays.stream(parts).allMatch(part -> part <= 255)
					? network(new byte[] { (byte) parts[0], (byte) parts[1], (byte) parts[2], (byte) parts[3] })
					: UNKNOWN_NETWORK;
		}
		// With a colon, InetAddress reads the text as an IPv6 literal or refuses it: it
		// never asks DNS.
		if (ip.indexOf(':') < 0 || !IPV6.matcher(ip).matches()) {
			return UNKNOWN_NETWORK;
		}
		try {
			return network(InetAddress.getByName(ip).getAddress());
		}
		catch (UnknownHostException ex) {
			return UNKNOWN_NETWORK;
		}
	}

	private static String network(byte[] bytes) {
		if (bytes.length == 4) {
			return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
		}
		return Integer.toHexString(word(bytes, 0)) + ":" + Integer.toHexString(word(bytes, 2)) + ":"
				+ Integer.toHexString(word(bytes, 4)) + "::/48";
	}

	private static int word(byte[] bytes, int at) {
		return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
	}

	private static @Nullable String first(List<Map.Entry<String, String>> table, String agent) {
		return table.stream()
			.filter(entry -> agent.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
