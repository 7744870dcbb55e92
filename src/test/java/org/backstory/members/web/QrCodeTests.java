package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The server-drawn QR code: an SVG image with nothing but shapes, which a scanner reads
 * back as the text.
 */
class QrCodeTests {

	private static final String URI = "otpauth://totp/The%20Daily%20Planet:lois%40planet.test?secret="
			+ "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=The%20Daily%20Planet&algorithm=SHA1&digits=6&period=30";

	@Test
	void aScannerReadsTheTextBack() throws Exception {
		assertThat(TwoFactorFixtures.qrText(svg(QrCode.svgDataUri(URI)))).isEqualTo(URI);
	}

	@Test
	void theImageHasNoScriptStyleOrLinks() {
		assertThat(svg(QrCode.svgDataUri(URI))).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.doesNotContain("<script", "style", "href")
			.doesNotContainPattern("\\son[a-z]+=");
	}

	private static String svg(String dataUri) {
		assertThat(dataUri).startsWith("data:image/svg+xml;base64,");
		return new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)),
				StandardCharsets.UTF_8);
	}

}
