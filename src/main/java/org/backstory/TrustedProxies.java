package org.backstory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;

/**
 * The reverse proxies whose {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and
 * {@code -Port} headers the app believes ({@code BACKSTORY_TRUSTED_PROXIES}): IP
 * addresses and CIDR ranges. A request from anywhere else keeps its own address and
 * scheme whatever it claims, so a visitor who reaches the app directly cannot pose as
 * many clients to slip under per-address limits, nor pass for https.
 *
 * @param ranges each range as {@code address/prefix-length}, addresses in Java's
 * canonical form
 */
record TrustedProxies(List<String> ranges) {

	private static final Pattern RANGE = Pattern.compile("([^/]+)(?:/([0-9]{1,3}))?");

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	TrustedProxies {
		ranges = List.copyOf(ranges);
	}

	/**
	 * Reads a comma-separated list such as {@code 127.0.0.1, ::1, 10.0.0.0/8}; an empty
	 * value trusts no proxy.
	 * @throws InvalidTrustedProxiesException naming the first entry that is not an
	 * address or a range
	 */
	static TrustedProxies parse(String text) {
		List<String> ranges = new ArrayList<>();
		if (text.isBlank()) {
			return new TrustedProxies(ranges);
		}
		for (String entry : text.split(",", -1)) {
			ranges.add(range(entry.strip()));
		}
		return new TrustedProxies(ranges);
	}

	/**
	 * Tomcat's valve for forwarded headers, believing them from these proxies only
	 * ("internal proxies": their own addresses are dropped from the chain; Tomcat reads a
	 * value containing a slash as CIDR ranges).
	 */
	RemoteIpValve valve() {
		RemoteIpValve valve = new RemoteIpValve();
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setHostHeader("X-Forwarded-Host");
		valve.setPortHeader("X-Forwarded-Port");
		valve.setInternalProxies(String.join(",", ranges));
		valve.setTrustedProxies(null);
		return valve;
	}

	/**
	 * Whether a connection's peer (an IP literal, as Tomcat gives it before the valve
	 * above has run) is one of these proxies. The ranges are parsed once, here.
	 */
	Predicate<String> peers() {
		List<NetMask> masks = ranges.stream().map(NetMask::new).toList();
		return address -> {
			if (masks.isEmpty()) {
				return false;
			}
			try {
				// A literal: no DNS lookup.
				InetAddress peer = InetAddress.getByName(address);
				return masks.stream().anyMatch(mask -> mask.matches(peer));
			}
			catch (UnknownHostException ex) {
				return false;
			}
		};
	}

	/** The entry as {@code network/bits}, host bits cleared. */
	private static String range(String entry) {
		Matcher range = RANGE.matcher(entry);
		// Only literals: a host name would make Java look it up in the DNS.
		if (!range.matches() || !(IPV4.matcher(range.group(1)).matches() || IPV6.matcher(range.group(1)).matches())) {
			throw invalid(entry);
		}
		byte[] address;
		try {
			address = InetAddress.getByName(range.group(1)).getAddress();
		}
		catch (UnknownHostException ex) {
			throw invalid(entry);
		}
		int maxBits = address.length * 8;
		int bits = range.group(2) == null ? maxBits : Integer.parseInt(range.group(2));
		// An IPv4-mapped IPv6 address comes back as IPv4, and its IPv6 prefix length
		// would not fit.
		boolean mapped = address.length == 4 && !IPV4.matcher(range.group(1)).matches();
		if (bits > maxBits || (mapped && range.group(2) != null)) {
			throw invalid(entry);
		}
		for (int i = 0; i < address.length; i++) {
			int keep = Math.max(0, Math.min(8, bits - i * 8));
			address[i] &= (byte) (0xff << (8 - keep));
		}
		try {
			return InetAddress.getByAddress(address).getHostAddress() + "/" + bits;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("4 or 16 bytes are always an address", ex);
		}
	}

	private static InvalidTrustedProxiesException invalid(String entry) {
		return new InvalidTrustedProxiesException("BACKSTORY_TRUSTED_PROXIES must be a comma-separated list of IP "
				+ "addresses or CIDR ranges, such as 127.0.0.1,::1,10.0.0.0/8, and \"" + entry + "\" is not one.");
	}

}
