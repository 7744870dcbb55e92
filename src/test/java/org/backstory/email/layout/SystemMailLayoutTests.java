package org.backstory.email.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.backstory.email.Mail;
import org.backstory.email.MailBrand;
import org.backstory.email.SystemMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** One message model, two parts: what each part of a system mail says, and how. */
class SystemMailLayoutTests {

	private static final MailBrand BRAND = new MailBrand("Tide & <Co>", "Tide Press Ltd", List.of("1 Quay", "Hull"),
			"#0a6e5c", "https://tide.test/logo.png", "https://tide.test/");

	private final SystemMailLayout layout = new SystemMailLayout(TemplateEngine.createPrecompiled(ContentType.Html));

	private final SystemMail mail = SystemMail.to("ada@example.test", "Your sign-in link")
		.heading("Sign in")
		.paragraph("Hello Ada,")
		.paragraph("Line one\nline two with https://tide.test/help and <b>no markup</b>.")
		.action("Sign in", "https://tide.test/login/link?token=a&b=c")
		.note("It works once.")
		.withKey("k-1");

	@Test
	void theTextPartSaysEverythingInOrderWithTheActionsAddressAndThePublicationAtTheFoot() {
		Mail laidOut = layout.render(mail, BRAND);

		assertThat(laidOut.text()).isEqualTo("""
				Sign in

				Hello Ada,

				Line one
				line two with https://tide.test/help and <b>no markup</b>.

				Sign in: https://tide.test/login/link?token=a&b=c

				It works once.

				--\s
				Tide & <Co>
				https://tide.test/

				Tide Press Ltd
				1 Quay
				Hull
				""");
		assertThat(laidOut.key()).isEqualTo("k-1");
		assertThat(laidOut.subject()).isEqualTo("Your sign-in link");
	}

	@Test
	void theHtmlPartHasOneButtonEscapedTextLinkedAddressesAndTheBrand() {
		Document html = Jsoup.parse(layout.render(mail, BRAND).html());

		assertThat(html.select("h1").text()).isEqualTo("Sign in");
		assertThat(html.select("b")).isEmpty();
		assertThat(html.select("p").eachText())
			.contains("Line one line two with https://tide.test/help and <b>no markup</b>.");
		assertThat(html.select("p:contains(Line one) br")).hasSize(1);
		assertThat(html.select("a[href=https://tide.test/help]")).hasSize(1);
		assertThat(html.select("td[style*=background-color:#0a6e5c] a").attr("href"))
			.isEqualTo("https://tide.test/login/link?token=a&b=c");
		assertThat(html.select("td[style*=background-color:#0a6e5c] a").text()).isEqualTo("Sign in");
		assertThat(html.select("img").attr("src")).isEqualTo("https://tide.test/logo.png");
		assertThat(html.select("title").text()).isEqualTo("Your sign-in link");
		assertThat(html.text()).contains("Tide & <Co>", "Tide Press Ltd", "1 Quay", "Hull");
	}

	@Test
	void aMailWrittenAsPlainTextIsLaidOutFromItsParagraphs() {
		Mail plain = Mail.text("ada@example.test", "Notice", "First paragraph.\n\n  Second, https://tide.test/x  \n");

		Mail laidOut = layout.render(plain, BRAND);

		Document html = Jsoup.parse(laidOut.html());
		assertThat(html.select("h1").text()).isEqualTo("Notice");
		assertThat(html.select("p").eachText()).contains("First paragraph.", "Second, https://tide.test/x");
		assertThat(laidOut.text()).startsWith("Notice\n\nFirst paragraph.\n\nSecond, https://tide.test/x\n\n-- \n");
	}

	@Test
	void anAccentColourThatIsNotAColourBecomesTheHouseRed() {
		MailBrand odd = new MailBrand("Tide", "Tide", List.of(), "red;background:url(x)", null, "https://tide.test/");

		assertThat(odd.accentColor()).isEqualTo(MailBrand.DEFAULT_ACCENT);
		assertThat(Jsoup.parse(layout.render(mail, odd).html()).select("img")).isEmpty();
	}

}
