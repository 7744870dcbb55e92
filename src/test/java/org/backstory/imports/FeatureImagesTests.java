package org.backstory.imports;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureImagesTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
			"100.64.0.1", "::1", "fd00::1", "fe80::1", "224.0.0.1", "localhost" })
	void nonPublicAddressesAreNotPublicHosts(String host) {
		assertThat(FeatureImages.publicHost(host)).isFalse();
	}

	@Test
	void aPublicAddressIsAPublicHost() {
		assertThat(FeatureImages.publicHost("93.184.215.14")).isTrue();
	}

	@Test
	void byDefaultNothingIsFetchedFromLoopbackOrOverOtherSchemes() {
		FeatureImages images = new FeatureImages(null, null, new ImportProperties(false, Duration.ofSeconds(2)),
				DataSize.ofMegabytes(1));

		assertThat(images.fetch("http://127.0.0.1:9/cover.png")).isEmpty();
		assertThat(images.fetch("http://[::1]:9/cover.png")).isEmpty();
		assertThat(images.fetch("file:///etc/passwd")).isEmpty();
		assertThat(images.fetch("ftp://example.test/cover.png")).isEmpty();
	}

}
