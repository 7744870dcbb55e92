package org.backstory.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.backstory.shared.StartRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTests {

	private final TargetAddresses defaults = TargetAddresses.publicOnly();

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.255.0.9", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1",
			"172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "192.0.0.8",
			"198.18.0.1", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "0.1.2.3", "fe80::1",
			"fc00::1", "fd12:3456::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
			"::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:7f00:1::1",
			"2002:c0a8:101::1" })
	void refusesEveryNonPublicAddressByDefault(String address) throws UnknownHostException {
		assertThat(defaults.refusal(InetAddress.getByName(address))).as(address).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1",
			"2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808" })
	void letsPublicAddressesThrough(String address) throws UnknownHostException {
		assertThat(defaults.refusal(InetAddress.getByName(address))).as(address).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.20.30.40", "::1" })
	void allowedNetworksLetTheirAddressesThrough(String address) throws UnknownHostException {
		TargetAddresses selfHosted = new TargetAddresses(List.of("127.0.0.1/32", " 10.0.0.0/8", "::1/128"));

		assertThat(selfHosted.refusal(InetAddress.getByName(address))).as(address).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.2", "11.0.0.1", "192.168.0.1", "::2" })
	void addressesOutsideTheAllowedNetworksAreStillJudged(String address) throws UnknownHostException {
		TargetAddresses selfHosted = new TargetAddresses(List.of("127.0.0.1/32", "10.0.0.0/8"));

		assertThat(selfHosted.refusal(InetAddress.getByName(address)).isPresent()).as(address)
			.isEqualTo(!address.equals("11.0.0.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "10.0.0.0/33", "10.0.0.0/x", "::1/129" })
	void aMalformedNetworkStopsTheStart(String network) {
		assertThatThrownBy(() -> new TargetAddresses(List.of(network))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Not an IP network");
	}

	@Test
	void aMalformedSettingRefusesTheStartWithOneSentence() {
		assertThatThrownBy(
				() -> new WebhookTasks().targetAddresses(new WebhooksProperties(List.of("10.0.0.0/8", "intranet"))))
			.isInstanceOf(StartRefused.class)
			.hasMessage("BACKSTORY_WEBHOOK_ALLOWED_NETWORKS is not a list of networks: Not an IP network: intranet.");
	}

	@Test
	void theRefusalNamesTheAddressAndTheSetting() throws UnknownHostException {
		assertThat(defaults.refusal(InetAddress.getByName("169.254.169.254")))
			.contains("169.254.169.254 is a link-local address (allow it with BACKSTORY_WEBHOOK_ALLOWED_NETWORKS)");
	}

}
