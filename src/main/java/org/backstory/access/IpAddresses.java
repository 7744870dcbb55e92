package org.backstory.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals, parsed without ever asking the DNS. */
final class IpAddresses {

	private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private IpAddresses() {
	}

	/**
	 * The address written in {@code text}, or empty when it is not an IPv4 or IPv6
	 * literal (a host name is not).
	 */
	static Optional<InetAddress> parse(String text) {
		// InetAddress.getByName looks up anything that is not a literal, so only literals
		// reach it.
		if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(text));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

}
