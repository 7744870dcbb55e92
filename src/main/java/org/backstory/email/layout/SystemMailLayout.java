package org.backstory.email.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.backstory.email.Mail;
import org.backstory.email.MailBrand;
import org.backstory.email.SystemMail;
import org.springframework.stereotype.Component;

/**
 * Lays out every system mail the same way: a plain-text part and an HTML part in the
 * publication's look (masthead, accent colour, one button, the postal address in the
 * footer), both from one {@link SystemMail}. The HTML comes from
 * {@code email/system.jte}, which frames it as newsletters are framed
 * ({@code email/frame.jte}).
 */
@Component
public class SystemMailLayout {

	private static final String TEMPLATE = "email/system.jte";

	private final TemplateEngine templates;

	SystemMailLayout(TemplateEngine templates) {
		this.templates = templates;
	}

	/** The message ready to queue: text first, then HTML. */
	public Mail render(SystemMail mail, MailBrand brand) {
		StringOutput html = new StringOutput(8 * 1024);
		templates.render(TEMPLATE, Map.of("mail", SystemMailView.of(mail, brand)), html);
		return new Mail(mail.to(), mail.subject(), text(mail, brand), html.toString(), mail.key());
	}

	/**
	 * A message written as plain text, paragraphs between blank lines: laid out with the
	 * subject as its heading, its links made links. Keeps mail that was never given a
	 * model in the same look.
	 */
	public Mail render(Mail plain, MailBrand brand) {
		SystemMail mail = SystemMail.to(plain.to(), plain.subject()).heading(plain.subject());
		for (String paragraph : plain.text().strip().split("\\R\\s*\\R")) {
			mail = mail.paragraph(paragraph);
		}
		return render(plain.key() == null ? mail : mail.withKey(plain.key()), brand);
	}

	static String text(SystemMail mail, MailBrand brand) {
		List<String> blocks = new ArrayList<>();
		if (!mail.heading().isBlank()) {
			blocks.add(mail.heading());
		}
		blocks.addAll(mail.paragraphs());
		if (mail.action() != null) {
			blocks.add(mail.action().label() + ": " + mail.action().url());
		}
		blocks.addAll(mail.notes());
		StringBuilder footer = new StringBuilder("-- \n").append(brand.name()).append('\n').append(brand.homeUrl());
		if (!brand.sellerName().equals(brand.name()) || !brand.postalLines().isEmpty()) {
			footer.append("\n\n").append(brand.sellerName());
			brand.postalLines().forEach(line -> footer.append('\n').append(line));
		}
		blocks.add(footer.toString());
		return String.join("\n\n", blocks) + "\n";
	}

}
