package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlDocumentTests {

	@Test
	void escapesMarkupInTextAndAttributes() {
		String xml = new XmlDocument().start("root", "href", "/p/a?b=1&c=\"2\"")
			.text("<b>Tom & Jerry</b>")
			.end()
			.finish();

		assertThat(xml).contains("href=\"/p/a?b=1&amp;c=&quot;2&quot;\"", "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;");
	}

	@Test
	void dropsCharactersXmlCannotCarryButKeepsTabsNewlinesAndEmoji() {
		String xml = new XmlDocument().element("t", "a\u0000b\u0007c\u001Fd\tе\n😀\uFFFE").finish();

		assertThat(xml).contains("<t>abcd\tе\n😀</t>");
	}

}
