package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.backstory.billing.payment.CardDetails;
import org.junit.jupiter.api.Test;

class CardFormTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void aWellFormedCardBecomesCardDetails() {
		CardForm.Checked checked = new CardForm(" Ada Reader ", "4242 4242-4242 4242", "04 / 29", "123").check(clock);

		assertThat(checked.errors()).isEmpty();
		assertThat(checked.card()).isEqualTo(new CardDetails("4242424242424242", 4, 2029, "123", "Ada Reader"));
	}

	@Test
	void aFourDigitYearIsAccepted() {
		assertThat(new CardForm("Ada", "4242424242424242", "11/2026", "1234").check(clock).card()).isNotNull();
	}

	@Test
	void everyMissingFieldIsNamed() {
		CardForm.Checked checked = new CardForm(null, " ", "", null).check(clock);

		assertThat(checked.card()).isNull();
		assertThat(checked.errors()).containsOnlyKeys("nameOnCard", "cardNumber", "expiry", "cvc")
			.containsEntry("nameOnCard", "Enter the name on the card.")
			.containsEntry("cardNumber", "Enter your card number.")
			.containsEntry("expiry", "Enter the expiry date as MM/YY.")
			.containsEntry("cvc", "Enter the security code (CVC).");
	}

	@Test
	void aMistypedNumberFailsTheChecksum() {
		assertThat(new CardForm("Ada", "4242 4242 4242 4241", "04/29", "123").check(clock).errors())
			.containsOnlyKeys("cardNumber");
	}

	@Test
	void aPastExpiryIsRefused() {
		assertThat(new CardForm("Ada", "4242424242424242", "10/26", "123").check(clock).errors())
			.containsEntry("expiry", "That card has expired.");
	}

	@Test
	void malformedExpiriesAreRefused() {
		for (String expiry : new String[] { "13/29", "0/29", "1229", "12/2", "aa/bb" }) {
			assertThat(new CardForm("Ada", "4242424242424242", expiry, "123").check(clock).errors()).as(expiry)
				.containsEntry("expiry", "Enter the expiry date as MM/YY.");
		}
	}

	@Test
	void aCvcMustBeThreeOrFourDigits() {
		assertThat(new CardForm("Ada", "4242424242424242", "04/29", "12").check(clock).errors())
			.containsOnlyKeys("cvc");
		assertThat(new CardForm("Ada", "4242424242424242", "04/29", "12345").check(clock).errors())
			.containsOnlyKeys("cvc");
	}

	@Test
	void oversizedFieldsAreRefusedWithAMessage() {
		String huge = "x".repeat(10_000);

		CardForm.Checked checked = new CardForm(huge, "4".repeat(5_000), huge, huge).check(clock);

		assertThat(checked.card()).isNull();
		assertThat(checked.errors()).containsOnlyKeys("nameOnCard", "cardNumber", "expiry", "cvc")
			.containsEntry("nameOnCard", "The name on the card can be at most 100 characters.");
	}

	@Test
	void theFormShownAgainKeepsNameAndExpiryButNotTheNumberOrCvc() {
		CardForm again = new CardForm("Ada", "4242424242424242", "04/29", "123").withoutSecrets();

		assertThat(again).isEqualTo(new CardForm("Ada", null, "04/29", null));
	}

}
