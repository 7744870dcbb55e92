package org.backstory.newsletters.web;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.backstory.newsletters.Newsletter;
import org.jspecify.annotations.Nullable;

/**
 * One newsletter's box on a page where newsletters are chosen.
 *
 * @param id the newsletter's id, the box's value
 * @param name the label
 * @param description shown under the label, or empty
 * @param chosen whether the box is ticked
 */
public record NewsletterChoice(long id, String name, String description, boolean chosen) {

	static List<NewsletterChoice> of(List<Newsletter> newsletters, Collection<Long> chosen) {
		return newsletters.stream()
			.map(n -> new NewsletterChoice(n.id(), n.name(), n.description(), chosen.contains(n.id())))
			.toList();
	}

	/**
	 * The newsletters whose boxes a form ticked: none when it sent none, and an empty
	 * value is no newsletter.
	 */
	static List<Long> ticked(@Nullable List<@Nullable Long> boxes) {
		return boxes == null ? List.of() : boxes.stream().filter(Objects::nonNull).distinct().toList();
	}

}
