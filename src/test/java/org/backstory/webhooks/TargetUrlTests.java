package org.backstory.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetUrlTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "''|Enter the URL to send to.",
			"ftp://example.com/hook|Only http:// and https:// URLs can receive webhooks.",
			"file:///etc/passwd|Only http:// and https:// URLs can receive webhooks.",
			"gopher://example.com:70/|Only http:// and https:// URLs can receive webhooks.",
			"example.com/hook|Only http:// and https:// URLs can receive webhooks.",
			"https://user:pass@example.com/|Put no user name or password in the URL; the signature authenticates Backstory.",
			"http:///path|The URL needs a host name.", "https://exa mple.com/|This is not a valid URL.",
			"https://example.com/#x|A webhook URL has no #fragment.",
			"http://169.254.169.254/latest/meta-data/|Webhooks are not sent to 169.254.169.254 is a link-local address (allow it with BACKSTORY_WEBHOOK_ALLOWED_NETWORKS).",
			"http://[::1]:8080/|Webhooks are not sent to 0:0:0:0:0:0:0:1 is a loopback address (allow it with BACKSTORY_WEBHOOK_ALLOWED_NETWORKS).",
			"http://10.0.0.5/|Webhooks are not sent to 10.0.0.5 is a private address (allow it with BACKSTORY_WEBHOOK_ALLOWED_NETWORKS)." })
	void refusesWhatCannotBeATarget(String url, String problem) {
		TargetUrl.Checked checked = TargetUrl.check(url, TargetAddresses.publicOnly());

		assertThat(checked.target()).isEmpty();
		assertThat(checked.problem()).isEqualTo(problem);
	}

	@Test
	void aLongUrlIsRefused() {
		assertThat(TargetUrl.check("https://example.com/" + "a".repeat(2000), TargetAddresses.publicOnly()).problem())
			.isEqualTo("The URL must be at most 2000 characters.");
	}

	@Test
	void aHostNameIsAcceptedAndResolvedOnlyWhenSending() {
		TargetUrl target = TargetUrl
			.check(" https://hooks.example.com/in?source=backstory ", TargetAddresses.publicOnly())
			.target()
			.orElseThrow();

		assertThat(target.https()).isTrue();
		assertThat(target.port()).isEqualTo(443);
		assertThat(target.requestTarget()).isEqualTo("/in?source=backstory");
		assertThat(target.hostHeader()).isEqualTo("hooks.example.com");
	}

	@Test
	void anIpv6TargetKeepsItsBracketsInTheHostHeader() {
		TargetUrl target = TargetUrl.parse("http://[2001:db8::1]:8080");

		assertThat(target.host()).isEqualTo("2001:db8::1");
		assertThat(target.requestTarget()).isEqualTo("/");
		assertThat(target.hostHeader()).isEqualTo("[2001:db8::1]:8080");
	}

}
