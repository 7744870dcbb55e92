package org.backstory.members.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What staff may save as a welcome mail's words. */
class WelcomeTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                | Some text. | subject | Write a subject.
			'Two\\nlines'      | Some text. | subject | The subject must be one line.
			Fine              | ''         | body    | Write the text of the mail.
			'   '             | Some text. | subject | Write a subject.
			""")
	void refusesWithTheFieldsMessage(String subject, String body, String field, String message) {
		assertThat(new WelcomeText(subject.replace("\\n", "\n"), body).problems()).containsEntry(field, message);
	}

	@Test
	void refusesOverlongSubjectAndText() {
		assertThat(new WelcomeText("s".repeat(201), "b".repeat(5001)).problems()).containsOnlyKeys("subject", "body");
		assertThat(new WelcomeText("s".repeat(200), "b".repeat(5000)).problems()).isEmpty();
	}

	@Test
	void windowsLineEndsAndSurroundingSpaceAreTidiedAndBlankLinesSplitParagraphs() {
		WelcomeText text = new WelcomeText("  Hi  ", "\r\nOne\r\nstill one\r\n\r\nTwo\n \nThree  ");

		assertThat(text.subject()).isEqualTo("Hi");
		assertThat(text.paragraphs()).containsExactly("One\nstill one", "Two", "Three");
		assertThat(text.problems()).isEmpty();
	}

}
