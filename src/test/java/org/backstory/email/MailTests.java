package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MailTests {

	@Test
	void refusesHeaderInjectionThroughRecipientOrSubject() {
		assertThatIllegalArgumentException().isThrownBy(() -> Mail.text("a@example.test\r\nBcc: x@y.test", "S", "T"));
		assertThatIllegalArgumentException().isThrownBy(() -> Mail.text("a@example.test", "S\nBcc: x@y.test", "T"));
	}

	@Test
	void refusesBlankRecipientsAndOversizedKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> Mail.text(" ", "S", "T"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Mail.text("a@example.test", "S", "T").withKey("k".repeat(201)));
	}

	@Test
	void theFourPartFormHasNoKey() {
		assertThat(new Mail("a@example.test", "S", "T", null).key()).isNull();
		assertThat(Mail.text("a@example.test", "S", "T").withKey("once").key()).isEqualTo("once");
	}

}
