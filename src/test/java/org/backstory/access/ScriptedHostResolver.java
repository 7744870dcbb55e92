package org.backstory.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The DNS as a test writes it: the PTR name of some addresses and the addresses of some
 * names, nothing else (no network). Counts reverse lookups per address, so a test can
 * tell a kept verdict from a new lookup. The test application context uses one in place
 * of the JDK's resolver ({@code TestEnvironmentCustomizerFactory}).
 */
public final class ScriptedHostResolver implements HostResolver {

	private final Map<InetAddress, String> names = new ConcurrentHashMap<>();

	private final Map<String, List<InetAddress>> addresses = new ConcurrentHashMap<>();

	private final Map<InetAddress, AtomicInteger> reverseLookups = new ConcurrentHashMap<>();

	/**
	 * {@code address} reverse-resolves to {@code host}, and {@code host} resolves to
	 * {@code forward}.
	 */
	public ScriptedHostResolver answer(String address, String host, String... forward) {
		names.put(literal(address), host);
		List<InetAddress> resolved = new ArrayList<>();
		for (String each : forward) {
			resolved.add(literal(each));
		}
		addresses.put(host, List.copyOf(resolved));
		return this;
	}

	/** How many times the address was reverse-resolved. */
	public int reverseLookups(String address) {
		return reverseLookups.getOrDefault(literal(address), new AtomicInteger()).get();
	}

	@Override
	public Optional<String> nameOf(InetAddress address) {
		reverseLookups.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
		return Optional.ofNullable(names.get(address));
	}

	@Override
	public List<InetAddress> addressesOf(String host) {
		return addresses.getOrDefault(host, List.of());
	}

	private static InetAddress literal(String address) {
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(address, ex);
		}
	}

}
