package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteExtractorTests {

	private final QuoteExtractor extractor = new QuoteExtractor();

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			`> "We will talk." — Kim Jong Un, 2017-09-22`       | We will talk.  | Kim Jong Un | 2017-09-22
			`> "We will talk." -- Kim Jong Un, 2017-09-22`      | We will talk.  | Kim Jong Un | 2017-09-22
			`> “Curly quotes.” — Moon Jae-in, 2018-04-27`       | Curly quotes.  | Moon Jae-in | 2018-04-27
			`> "No date." — Kim`                                | No date.       | Kim         | -
			`>"Tight." —Kim,2019-01-01`                         | Tight.         | Kim         | 2019-01-01
			`> "Not a day." — Kim, 2017-02-30`                  | Not a day.     | Kim         | -
			`> "He said "no" twice." — Kim, 2017-09-22`         | He said "no" twice. | Kim    | 2017-09-22
			`> "Two\\n> lines." — Kim, 2017-09-22`              | Two lines.     | Kim         | 2017-09-22
			`   > "Indented." — Kim`                            | Indented.      | Kim         | -
			""")
	void readsAnAttributedQuote(String markdown, String text, String speaker, String date) {
		assertThat(extractor.quotesIn(markdown.replace("\\n", "\n"))).containsExactly(
				new QuoteExtractor.Attributed(text, speaker, date.equals("-") ? null : LocalDate.parse(date)));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			`> Just a block quote.`
			`> "Quoted, but no speaker."`
			`"Not in a block quote." — Kim, 2017-09-22`
			`> "" — Kim`
			`> "Speaker then more." — Kim, leader, 2017-09-22`
			`    > "Code block." — Kim`
			`~~~\\n> "Fenced." — Kim\\n~~~`
			""")
	void ignoresWhatIsNotAnAttributedQuote(String markdown) {
		assertThat(extractor.quotesIn(markdown.replace("\\n", "\n"))).isEmpty();
	}

	@Test
	void findsEveryQuoteInOrderAndSeparatesBlockQuotesByBlankLines() {
		String markdown = """
				Intro paragraph.

				> "First." — Kim, 2017-01-01

				Between.

				> "Second." — Moon
				> "Same block, so this line joins the second."

				> "Third." — Trump, 2018-06-12
				""";

		assertThat(extractor.quotesIn(markdown)).containsExactly(
				new QuoteExtractor.Attributed("First.", "Kim", LocalDate.of(2017, 1, 1)),
				new QuoteExtractor.Attributed("Third.", "Trump", LocalDate.of(2018, 6, 12)));
	}

}
