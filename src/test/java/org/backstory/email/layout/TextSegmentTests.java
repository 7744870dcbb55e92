package org.backstory.email.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSegmentTests {

	@Test
	void splitsTextAroundWebLinks() {
		assertThat(TextSegment.split("Open https://x.test/a?b=c now.\nOr http://y.test")).containsExactly(
				new TextSegment("Open ", false), new TextSegment("https://x.test/a?b=c", true),
				new TextSegment(" now.\nOr ", false), new TextSegment("http://y.test", true));
	}

	@Test
	void leavesOtherSchemesAsText() {
		assertThat(TextSegment.split("javascript:alert(1)"))
			.containsExactly(new TextSegment("javascript:alert(1)", false));
	}

}
