package org.backstory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app is reached.
 *
 * @param trusted the reverse proxies whose forwarded headers count, as IP addresses and
 * CIDR ranges separated by commas ({@code BACKSTORY_TRUSTED_PROXIES}); empty trusts none;
 * see {@link TrustedProxies}
 */
@ConfigurationProperties("backstory.proxies")
record ProxyProperties(@DefaultValue("127.0.0.1,::1") String trusted) {
}
