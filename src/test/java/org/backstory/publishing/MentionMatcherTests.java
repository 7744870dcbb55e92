package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionMatcherTests {

	private static final long KIM = 1;

	private static final long KOREA = 2;

	private static final long JUNTA = 3;

	private static final long ZOE = 4;

	private static final long US = 5;

	private final MentionMatcher matcher = new MentionMatcher(List.of(new MentionMatcher.Name(KIM, "Kim Jong Un"),
			new MentionMatcher.Name(KOREA, "North Korea"), new MentionMatcher.Name(JUNTA, "the junta"),
			new MentionMatcher.Name(ZOE, "Zoë"), new MentionMatcher.Name(KIM, "Kim"), new MentionMatcher.Name(US, "US"),
			new MentionMatcher.Name(KOREA, "DPRK")));

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Kim Jong Un arrived.                          | 1
			Kim's train left.                             | 1
			(Kim) and North Korea                         | 1 2
			Kim\u00a0Jong\u00a0Un spoke.                  | 1
			Kim Jong\\nUn spoke.                          | 1
			kimchi for everyone                           | -
			Ekim and Kimberley                            | -
			kim said nothing                              | -
			KIM said nothing                              | -
			north korea is lower case                     | -
			The Junta and THE JUNTA                       | 3
			the juntas                                    | -
			Zoë wrote                                     | 4
			Zoëlle wrote                                  | -
			Zoe wrote                                     | -
			Kim1 is not a word                            | -
			Ask us first                                  | -
			The US and the DPRK.                          | 2 5
			a link [text](https://example.com/Kim) here   | -
			a comment <!-- Kim --> here                   | -
			""")
	void findsWholeWordsByTheCaseRules(String text, String expected) {
		Set<Long> found = matcher.entitiesIn(text.replace("\\n", "\n"));
		List<Long> wanted = expected.equals("-") ? List.of()
				: List.of(expected.split(" ")).stream().map(Long::valueOf).toList();
		assertThat(found).containsExactlyInAnyOrderElementsOf(wanted);
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Kim Jong Un        | 1
			'  Kim   Jong Un ' | 1
			Kim                | 1
			kim                | 0
			The Junta          | 3
			Zoë                | 4
			Kim Jong           | 0
			""")
	void namesASpeakerByAWholeNameOrAlias(String speaker, long expected) {
		assertThat(matcher.entityNamed(speaker).orElse(0L)).isEqualTo(expected);
	}

	@Test
	void aBlankNameMatchesNothing() {
		assertThat(new MentionMatcher(List.of(new MentionMatcher.Name(9, " "))).entitiesIn("any text at all"))
			.isEmpty();
	}

}
