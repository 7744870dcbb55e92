package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Filling one recipient's parts into an edition, and the retry waits. */
class PersonalizationTests {

	final Personalization ada = new Personalization("https://x.test/unsubscribe/t1", "https://x.test/prefs/t2",
			"ada+news@<x>.test");

	@Test
	void fillsEveryPlaceholderAndEscapesTheAddressInHtml() {
		String html = "<a href=\"" + Personalization.UNSUBSCRIBE_URL + "\">u</a><a href=\""
				+ Personalization.PREFERENCES_URL + "\">p</a> to " + Personalization.ADDRESS;

		assertThat(ada.html(html)).isEqualTo(
				"<a href=\"https://x.test/unsubscribe/t1\">u</a><a href=\"https://x.test/prefs/t2\">p</a> to ada+news@&lt;x&gt;.test");
		assertThat(ada.text("Sent to " + Personalization.ADDRESS)).isEqualTo("Sent to ada+news@<x>.test");
	}

	@Test
	void leavesOtherPercentSignsAlone() {
		assertThat(ada.text("100%% sure, %%backstory-other%% and 5%"))
			.isEqualTo("100%% sure, %%backstory-other%% and 5%");
	}

	@Test
	void retriesWaitTwiceAsLongEachTimeUpToAnHour() {
		NewsletterProperties properties = new NewsletterProperties(4, 0, 50, Duration.ofMinutes(5),
				Duration.ofSeconds(2), Duration.ofMinutes(1), 6);

		assertThat(properties.retryWait(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.retryWait(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.retryWait(5)).isEqualTo(Duration.ofMinutes(16));
		assertThat(properties.retryWait(7)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.retryWait(40)).isEqualTo(Duration.ofHours(1));
	}

}
