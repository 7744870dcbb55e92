package org.backstory.access;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The DNS, as crawler verification needs it: the name an address reverse-resolves to, and
 * the addresses a name resolves to. The app uses the JDK's resolver; tests put in their
 * own answers (no network in CI).
 */
public interface HostResolver {

	/**
	 * The host name of the address's PTR record, or empty when it has none (or no
	 * confirmed one).
	 */
	Optional<String> nameOf(InetAddress address);

	/** The addresses the host name resolves to, empty when it resolves to none. */
	List<InetAddress> addressesOf(String host);

}
