package org.backstory.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may connect to (protection against server-side request
 * forgery): by default only public ones, never the unspecified address, loopback,
 * link-local (cloud metadata at 169.254.169.254), private (RFC 1918, shared 100.64/10),
 * unique-local IPv6 (fc00::/7), site-local, multicast, broadcast or reserved ranges; an
 * IPv4 address embedded in IPv6 (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16)
 * is judged as the IPv4 address it carries. Networks listed in
 * {@link WebhooksProperties#allowedNetworks} are let through whatever their kind. The
 * check is made on the address the sender connects to, after its one lookup, so a name
 * cannot resolve to a public address for the check and a private one for the connection.
 */
final class TargetAddresses {

	private final List<Network> allowed;

	TargetAddresses(List<String> allowedNetworks) {
		this.allowed = allowedNetworks.stream()
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(Network::parse)
			.toList();
	}

	/** Only public addresses. */
	static TargetAddresses publicOnly() {
		return new TargetAddresses(List.of());
	}

	/** Why a webhook may not connect to {@code address}, or empty when it may. */
	Optional<String> refusal(InetAddress address) {
		if (allowed.stream().anyMatch(network -> network.contains(address))) {
			return Optional.empty();
		}
		return kind(address).map(kind -> address.getHostAddress() + " is " + kind
				+ " (allow it with BACKSTORY_WEBHOOK_ALLOWED_NETWORKS)");
	}

	private static Optional<String> kind(InetAddress address) {
		if (address instanceof Inet6Address six) {
			Optional<Inet4Address> embedded = embeddedIpv4(six.getAddress());
			if (embedded.isPresent()) {
				return kind(embedded.get());
			}
			int first = six.getAddress()[0] & 0xff;
			if ((first & 0xfe) == 0xfc) {
				return Optional.of("a unique-local address");
			}
		}
		if (address.isAnyLocalAddress()) {
			return Optional.of("the unspecified address");
		}
		if (address.isLoopbackAddress()) {
			return Optional.of("a loopback address");
		}
		if (address.isLinkLocalAddress()) {
			return Optional.of("a link-local address");
		}
		if (address.isSiteLocalAddress()) {
			return Optional.of("a private address");
		}
		if (address.isMulticastAddress()) {
			return Optional.of("a multicast address");
		}
		if (address instanceof Inet4Address four) {
			return ipv4Kind(four.getAddress());
		}
		return Optional.empty();
	}

	private static Optional<String> ipv4Kind(byte[] ip) {
		int a = ip[0] & 0xff;
		int b = ip[1] & 0xff;
		if (a == 0) {
			return Optional.of("in 0.0.0.0/8 (this network)");
		}
		if (a == 100 && (b & 0xc0) == 64) {
			return Optional.of("a shared (carrier-grade NAT) address");
		}
		if (a == 192 && b == 0 && (ip[2] & 0xff) == 0) {
			return Optional.of("an IETF protocol address");
		}
		if (a == 198 && (b & 0xfe) == 18) {
			return Optional.of("a benchmarking address");
		}
		if (a >= 240) {
			return Optional.of("a reserved or broadcast address");
		}
		return Optional.empty();
	}

	/**
	 * The IPv4 address an IPv6 address carries: mapped (::ffff:0:0/96), compatible
	 * (::/96), NAT64 or 6to4.
	 */
	private static Optional<Inet4Address> embeddedIpv4(byte[] ip) {
		boolean zeros80 = Arrays.equals(Arrays.copyOfRange(ip, 0, 10), new byte[10]);
		boolean mapped = zeros80 && ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
		boolean compatible = zeros80 && ip[10] == 0 && ip[11] == 0 && !isZeroOrOne(ip);
		boolean nat64 = ip[0] == 0 && ip[1] == 0x64 && ip[2] == (byte) 0xff && ip[3] == (byte) 0x9b
				&& Arrays.equals(Arrays.copyOfRange(ip, 4, 12), new byte[8]);
		if (mapped || compatible || nat64) {
			return Optional.of(ipv4(Arrays.copyOfRange(ip, 12, 16)));
		}
		if (ip[0] == 0x20 && ip[1] == 0x02) {
			return Optional.of(ipv4(Arrays.copyOfRange(ip, 2, 6)));
		}
		return Optional.empty();
	}

	/**
	 * :: and ::1 are the unspecified and loopback addresses, not IPv4-compatible ones.
	 */
	private static boolean isZeroOrOne(byte[] ip) {
		for (int i = 12; i < 15; i++) {
			if (ip[i] != 0) {
				return false;
			}
		}
		return ip[15] == 0 || ip[15] == 1;
	}

	private static Inet4Address ipv4(byte[] bytes) {
		try {
			return (Inet4Address) InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("four bytes are an IPv4 address", ex);
		}
	}

	/** A network in CIDR notation. */
	record Network(byte[] prefix, int bits) {

		static Network parse(String cidr) {
			int slash = cidr.indexOf('/');
			String host = slash < 0 ? cidr : cidr.substring(0, slash);
			if (!host.matches("[0-9a-fA-F:.]+")) {
				throw new IllegalArgumentException("Not an IP network: " + cidr);
			}
			byte[] address;
			try {
				address = InetAddress.getByName(host).getAddress();
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException("Not an IP network: " + cidr, ex);
			}
			int bits;
			try {
				bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not an IP network: " + cidr, ex);
			}
			if (bits < 0 || bits > address.length * 8) {
				throw new IllegalArgumentException("Not an IP network: " + cidr);
			}
			return new Network(address, bits);
		}

		boolean contains(InetAddress candidate) {
			byte[] ip = candidate.getAddress();
			if (ip.length != prefix.length) {
				return false;
			}
			for (int bit = 0; bit < bits; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((ip[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
