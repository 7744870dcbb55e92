package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceHintsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 | Firefox on Linux
					Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 | Chrome on Windows
					Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0 | Edge on Windows
					Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15 | Safari on macOS
					Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | Safari on iOS
					Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1 | Chrome on iOS
					Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 | Chrome on Android
					Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 | Chrome on ChromeOS
					Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0 | Opera on Windows
					Java-http-client/21.0.5 | Unknown browser
					""")
	void theDeviceIsTheBrowserFamilyAndSystem(String userAgent, String device) {
		assertThat(DeviceHints.device(userAgent)).isEqualTo(device);
	}

	@ParameterizedTest
	@NullAndEmptySource
	void noUserAgentIsAnUnknownBrowser(String userAgent) {
		assertThat(DeviceHints.device(userAgent)).isEqualTo("Unknown browser");
	}

	@ParameterizedTest
	@CsvSource({ "203.0.113.77, 203.0.113.0/24", "10.1.2.3, 10.1.2.0/24", "2001:db8:7:1::25, 2001:db8:7::/48",
			"2001:0db8:0000:ffff:1:2:3:4, 2001:db8:0::/48", "::ffff:198.51.100.9, 198.51.100.0/24", "::1, 0:0:0::/48" })
	void theNetworkIsTheAddressWithItsHostPartDropped(String ip, String network) {
		assertThat(DeviceHints.network(ip)).isEqualTo(network);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "unknown", "example.com", "localhost", "1.2.3.4.5.6", "999.1.1.1", "fe80::1%eth0" })
	void anythingButALiteralAddressIsAnUnknownNetworkAndIsNeverLookedUp(String ip) {
		assertThat(DeviceHints.network(ip)).isEqualTo(DeviceHints.UNKNOWN_NETWORK);
	}

}
