package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.backstory.shared.StartRefusedFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Reading {@code BACKSTORY_TRUSTED_PROXIES}, and the Tomcat valve built from it:
 * forwarded headers count only when the connection comes from a listed proxy.
 */
class TrustedProxiesTests {

	@Test
	void theDefaultTrustsLoopbackOnly() {
		assertThat(TrustedProxies.parse("127.0.0.1,::1").ranges()).containsExactly("127.0.0.1/32",
				"0:0:0:0:0:0:0:1/128");
	}

	@Test
	void addressesAndRangesMayBeMixedWithSpaces() {
		assertThat(TrustedProxies.parse(" 10.0.0.0/8 , 192.168.1.7,2001:db8::/32 ").ranges())
			.containsExactly("10.0.0.0/8", "192.168.1.7/32", "2001:db8:0:0:0:0:0:0/32");
	}

	@Test
	void anEmptyValueTrustsNoProxy() {
		assertThat(TrustedProxies.parse("").ranges()).isEmpty();
		assertThat(TrustedProxies.parse("  ").ranges()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "proxy.example.com", "10.0.0", "10.0.0.256", "10.0.0.0/33", "::1/129", "10.0.0.1/", "/8",
			"10.0.0.0/x", "10.0.0.0/-1", "127.0.0.1,,::1", "fe80::1%eth0", "10.0.0.0/8/8", "1.2.3.4 5.6.7.8",
			"0x7f.0.0.1", "127.1" })
	void aMalformedValueIsRefusedWithOneSentenceNamingIt(String value) {
		assertThatThrownBy(() -> TrustedProxies.parse(value)).isInstanceOf(InvalidTrustedProxiesException.class)
			.hasMessageStartingWith(
					"BACKSTORY_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges")
			.hasMessageContaining("is not one");
	}

	@Test
	void aStartWithAMalformedValueFailsWithTheSentenceAndWhatToDo() {
		new ApplicationContextRunner().withUserConfiguration(ForwardedHeadersConfiguration.class, Properties.class)
			.withPropertyValues("backstory.proxies.trusted=127.0.0.1, proxy.internal")
			.run(started -> {
				assertThat(started).hasFailed();
				FailureAnalysis analysis = new StartRefusedFailureAnalyzer().analyze(started.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("BACKSTORY_TRUSTED_PROXIES must be a comma-separated "
						+ "list of IP addresses or CIDR ranges, such as 127.0.0.1,::1,10.0.0.0/8, and \"proxy.internal\" "
						+ "is not one.");
				assertThat(analysis.getAction()).contains("unset it to trust only a proxy on this machine");
			});
	}

	@Test
	void aStartWithoutTheVariableTrustsLoopback() {
		new ApplicationContextRunner().withUserConfiguration(ForwardedHeadersConfiguration.class, Properties.class)
			.run(started -> assertThat(started.getBean(ProxyProperties.class).trusted()).isEqualTo("127.0.0.1,::1"));
	}

	@EnableConfigurationProperties(ProxyProperties.class)
	static class Properties {

	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			# peer         | forwarded for | the app sees
			127.0.0.1      | 203.0.113.9   | 203.0.113.9
			10.1.2.3       | 203.0.113.9   | 203.0.113.9
			127.0.0.2      | 203.0.113.9   | 127.0.0.2
			192.168.1.1    | 203.0.113.9   | 192.168.1.1
			172.16.0.1     | 203.0.113.9   | 172.16.0.1
			0:0:0:0:0:0:0:1 | 203.0.113.9  | 203.0.113.9
			""")
	void forwardedHeadersCountOnlyFromTheListedProxies(String peer, String forwardedFor, String seen) throws Exception {
		RemoteIpValve valve = TrustedProxies.parse("127.0.0.1, ::1, 10.0.0.0/8").valve();

		Observed observed = through(valve, peer, forwardedFor);

		assertThat(observed.remoteAddr()).isEqualTo(seen);
		assertThat(observed.secure()).isEqualTo(!seen.equals(peer));
	}

	@Test
	void aProxyChainIsFollowedThroughListedProxiesOnly() throws Exception {
		RemoteIpValve valve = TrustedProxies.parse("10.0.0.0/8").valve();

		assertThat(through(valve, "10.0.0.5", "198.51.100.4, 10.0.0.9").remoteAddr()).isEqualTo("198.51.100.4");
		assertThat(through(valve, "10.0.0.5", "198.51.100.4, 192.0.2.66").remoteAddr()).isEqualTo("192.0.2.66");
	}

	private record Observed(String remoteAddr, boolean secure) {
	}

	/**
	 * What the application behind the valve sees of a request from {@code peer} with
	 * these headers.
	 */
	private static Observed through(RemoteIpValve valve, String peer, String forwardedFor) throws Exception {
		AtomicReference<Observed> seen = new AtomicReference<>();
		valve.setNext(new ValveBase() {
			@Override
			public void invoke(Request request, Response response) {
				seen.set(new Observed(request.getRemoteAddr(), request.isSecure()));
			}
		});
		Request request = new Request(new Connector(), new org.apache.coyote.Request());
		request.setRemoteAddr(peer);
		request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
		request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-Proto").setString("https");
		valve.invoke(request, new Response(new org.apache.coyote.Response()));
		return seen.get();
	}

}
