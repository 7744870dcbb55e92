package org.backstory;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts Tomcat's forwarded-header valve in front of the app, believing only
 * {@link TrustedProxies}. Spring Boot's own valve is off
 * ({@code server.forward-headers-strategy=none}): it trusts every private-range address
 * by default, so anyone on the same network could set their own client address and
 * scheme. The {@link RequestIdValve} runs before it.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> forwardedHeaders(ProxyProperties proxies) {
		TrustedProxies trusted = TrustedProxies.parse(proxies.trusted());
		// The request id first: it needs the connection's own peer, which the
		// forwarded-header valve replaces.
		return factory -> factory.addEngineValves(new RequestIdValve(trusted.peers()), trusted.valve());
	}

}
