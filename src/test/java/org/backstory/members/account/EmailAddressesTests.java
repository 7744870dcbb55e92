package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "ada@example.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie" })
	void acceptsOrdinaryAddresses(String email) {
		assertThat(EmailAddresses.problem(email)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "no-at.example.com", "two@@example.com", "a@b", "a b@example.com",
			"a@example.com\n", "<a@example.com>", "a@-example.com" })
	void refusesMalformedAddresses(String email) {
		assertThat(EmailAddresses.problem(email)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(ints = { 255, 1000 })
	void refusesAddressesLongerThan254Characters(int length) {
		String email = "a".repeat(length - "@example.com".length()) + "@example.com";

		assertThat(EmailAddresses.problem(email)).get().asString().contains("too long");
	}

}
