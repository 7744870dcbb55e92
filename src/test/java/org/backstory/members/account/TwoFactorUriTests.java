package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The otpauth URI in Google Authenticator's Key Uri Format: issuer as the label's prefix
 * and a parameter.
 */
class TwoFactorUriTests {

	@Test
	void theIssuerIsThePublicationAndTheAccountTheAddress() {
		assertThat(TwoFactorEnrolment.uri("The Daily Planet", "lois@planet.test", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))
			.isEqualTo("otpauth://totp/The%20Daily%20Planet:lois%40planet.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
					+ "&issuer=The%20Daily%20Planet&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void aColonInTheNameDoesNotSplitTheLabel() {
		assertThat(TwoFactorEnrolment.uri("News: Today", "a@b.test", "MZXW6"))
			.startsWith("otpauth://totp/News%20Today:a%40b.test?")
			.contains("&issuer=News%3A%20Today&");
	}

}
