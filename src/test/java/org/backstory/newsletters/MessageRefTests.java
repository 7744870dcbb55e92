package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the recipient a delivery report's Message-ID names. */
class MessageRefTests {

	@Test
	void readsTheMessageIdWeSetWithOrWithoutAngleBrackets() {
		String ours = new MessageRef(12, 345).messageId("news@backstory.test");

		assertThat(ours).isEqualTo("newsletter.12.345@backstory.test");
		assertThat(MessageRef.of(ours)).hasValue(new MessageRef(12, 345));
		assertThat(MessageRef.of(" <" + ours + "> ")).hasValue(new MessageRef(12, 345));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc@x.test", "newsletter.1@x.test", "newsletter.0.1@x.test",
			"newsletter.1.2.3@x.test", "newsletter.1.2", "newsletter.99999999999999999999.1@x.test",
			"newsletter.1.2@x.test> <newsletter.3.4@x.test" })
	void anythingElseNamesNoMessage(String messageId) {
		assertThat(MessageRef.of(messageId)).isEmpty();
	}

}
