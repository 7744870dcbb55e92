package org.backstory.webhooks;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where webhooks may be sent besides the public internet.
 *
 * @param allowedNetworks networks in CIDR notation ({@code 10.0.0.0/8},
 * {@code 127.0.0.1/32}, {@code fd00::/8}) whose addresses a webhook may reach although
 * they are loopback, private, link-local or otherwise not public
 * ({@code BACKSTORY_WEBHOOK_ALLOWED_NETWORKS}, comma-separated): for a self-hosted setup
 * whose receiver runs on the same machine or network. Empty (the default): only public
 * addresses.
 */
@ConfigurationProperties("backstory.webhooks")
record WebhooksProperties(@DefaultValue List<String> allowedNetworks) {

	WebhooksProperties {
		allowedNetworks = List.copyOf(allowedNetworks);
	}

}
