package org.backstory.email.layout;

import java.util.List;

import org.backstory.email.MailBrand;
import org.backstory.email.SystemMail;
import org.jspecify.annotations.Nullable;

/**
 * A system mail as {@code email/system.jte} shows it: the text already cut into lines and
 * links, so the template escapes every piece and writes nothing raw.
 *
 * @param brand the publication
 * @param subject the subject, the HTML part's title
 * @param heading the title in the message; may be empty
 * @param paragraphs the paragraphs before the action, each a list of lines
 * @param action the button, or null
 * @param notes the small print after the button, each a list of lines
 */
public record SystemMailView(MailBrand brand, String subject, String heading, List<List<List<TextSegment>>> paragraphs,
		SystemMail.@Nullable Action action, List<List<List<TextSegment>>> notes) {

	static SystemMailView of(SystemMail mail, MailBrand brand) {
		return new SystemMailView(brand, mail.subject(), mail.heading(), lines(mail.paragraphs()), mail.action(),
				lines(mail.notes()));
	}

	private static List<List<List<TextSegment>>> lines(List<String> paragraphs) {
		return paragraphs.stream().map(text -> text.lines().map(TextSegment::split).toList()).toList();
	}

}
