package org.backstory.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The system resolver through the JDK. Its calls may block; {@link VerifiedCrawlers}
 * bounds how long a page waits.
 */
@Component
class JdkHostResolver implements HostResolver {

	@Override
	public Optional<String> nameOf(InetAddress address) {
		String name = address.getCanonicalHostName();
		// The JDK answers with the address itself when there is no PTR record (or it does
		// not resolve back).
		return name.equals(address.getHostAddress()) ? Optional.empty() : Optional.of(name);
	}

	@Override
	public List<InetAddress> addressesOf(String host) {
		try {
			return List.of(InetAddress.getAllByName(host));
		}
		catch (UnknownHostException ex) {
			return List.of();
		}
	}

}
