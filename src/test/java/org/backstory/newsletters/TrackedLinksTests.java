package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Making a tracked edition: links numbered by URL across a send's editions, the pixel
 * added, the recipient's own links and plain text left alone; and filling a recipient's
 * tracking URLs in.
 */
class TrackedLinksTests {

	static final String HTML = "<html><body><a href=\"https://a.test/x?p=1&amp;q=2\" style=\"c\">A</a>"
			+ "<a class=\"k\" href=\"http://b.test/\">B</a><a href=\"mailto:ed@x.test\">mail</a>" + "<a href=\""
			+ Personalization.UNSUBSCRIBE_URL + "\">Unsubscribe</a><a href=\"https://a.test/x?p=1&amp;q=2\">again</a>"
			+ "</body></html>";

	final Personalization ada = new Personalization("https://x.test/u/1", "https://x.test/p/1", "ada@x.test",
			new Personalization.TrackingUrls() {
				@Override
				public String open() {
					return "https://x.test/e/o/7.1.mac";
				}

				@Override
				public String click(int position) {
					return "https://x.test/e/c/7.1." + position + ".mac";
				}
			});

	@Test
	void numbersEachHttpLinkByItsUrlAndAddsThePixelBeforeTheBodyEnds() {
		TrackedLinks links = new TrackedLinks();

		EditionContent tracked = links.track(new EditionContent("S", HTML, "Text with https://a.test/x"));

		assertThat(tracked.html()).isEqualTo(
				"<html><body><a href=\"" + Personalization.click(0) + "\" style=\"c\">A</a><a class=\"k\" href=\""
						+ Personalization.click(1) + "\">B</a><a href=\"mailto:ed@x.test\">mail</a><a href=\""
						+ Personalization.UNSUBSCRIBE_URL + "\">Unsubscribe</a><a href=\"" + Personalization.click(0)
						+ "\">again</a>" + TrackedLinks.PIXEL + "</body></html>");
		assertThat(tracked.text()).isEqualTo("Text with https://a.test/x");
		assertThat(links.urls()).containsExactly("https://a.test/x?p=1&q=2", "http://b.test/");
	}

	@Test
	void theSameUrlInAnotherEditionOfTheSendKeepsItsNumber() {
		TrackedLinks links = new TrackedLinks();
		links.track(new EditionContent("S", HTML, ""));

		EditionContent preview = links.track(new EditionContent("S",
				"<body><a href=\"https://c.test/\">C</a><a href=\"http://b.test/\">B</a></body>", ""));

		assertThat(preview.html()).contains(Personalization.click(2), Personalization.click(1));
		assertThat(links.urls()).containsExactly("https://a.test/x?p=1&q=2", "http://b.test/", "https://c.test/");
	}

	@Test
	void aRecipientsMessageCarriesTheirOwnPixelAndClickUrlsAndNoPlaceholder() {
		EditionContent tracked = new TrackedLinks().track(new EditionContent("S", HTML, ""));

		String html = ada.html(tracked.html());

		assertThat(html)
			.contains("href=\"https://x.test/e/c/7.1.0.mac\" style=\"c\"", "href=\"https://x.test/e/c/7.1.1.mac\"",
					"<img src=\"https://x.test/e/o/7.1.mac\"", "href=\"https://x.test/u/1\"",
					"href=\"mailto:ed@x.test\"")
			.doesNotContain("%%", "https://a.test", "http://b.test");
	}

	@Test
	void somethingThatOnlyLooksLikeAClickPlaceholderIsLeftAlone() {
		assertThat(ada.text("%%backstory-click-%% %%backstory-click-x1%% %%backstory-click-12"))
			.isEqualTo("%%backstory-click-%% %%backstory-click-x1%% %%backstory-click-12");
	}

	@Test
	void aLinksLineBreaksSpacesAndNonAsciiArePercentEncodedSoTheyNeverReachAHeaderRaw() {
		TrackedLinks links = new TrackedLinks();

		links.track(new EditionContent("S",
				"<a href=\"https://a.test/caf\u00e9 x&#13;&#10;Set-Cookie: y\">A</a><a href=\"HTTPS://B.TEST/\">B</a>",
				""));

		assertThat(links.urls()).containsExactly("https://a.test/caf%C3%A9%20x%0D%0ASet-Cookie:%20y");
	}

}
