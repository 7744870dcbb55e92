package org.backstory.demo;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether this start serves only the machine it runs on (a laptop trying the demo) or the
 * public: local means the server listens on a loopback address and the base URL is
 * {@code http://localhost} or a loopback IP. Anything else counts as public, so a
 * forgotten setting errs towards the stricter rules.
 */
@Component
class SiteExposure {

	private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	private final Optional<String> publicBecause;

	SiteExposure(BackstoryProperties properties, Environment environment) {
		this.publicBecause = publicBecause(properties.baseUrl(), environment.getProperty("server.address"));
	}

	boolean local() {
		return publicBecause.isEmpty();
	}

	/**
	 * Why the site counts as public, as a clause naming the setting; empty when it is
	 * local.
	 */
	Optional<String> publicBecause() {
		return publicBecause;
	}

	static Optional<String> publicBecause(URI baseUrl, @Nullable String bindAddress) {
		if (bindAddress == null || bindAddress.isBlank()) {
			return Optional.of("it listens on every network interface (BACKSTORY_BIND_ADDRESS is empty)");
		}
		if (!loopback(bindAddress.strip())) {
			return Optional.of("it listens on " + bindAddress.strip() + " (BACKSTORY_BIND_ADDRESS)");
		}
		if (!"http".equalsIgnoreCase(baseUrl.getScheme()) || !localHost(baseUrl.getHost())) {
			return Optional.of("BACKSTORY_BASE_URL is " + baseUrl);
		}
		return Optional.empty();
	}

	private static boolean localHost(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.equals("[::1]") || LOOPBACK_IPV4.matcher(name).matches();
	}

	/**
	 * Resolves the bind address as Tomcat will; one that does not resolve is not known to
	 * be loopback.
	 */
	private static boolean loopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
