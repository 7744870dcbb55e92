package org.backstory.demo;

import java.util.List;

import org.backstory.members.MemberDirectory;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.springframework.stereotype.Component;

/** The demo publication's two newsletters, with every demo account opted into both. */
@Component
class DemoNewsletters {

	static final String SENDER = "news@backstory.example";

	private final Newsletters newsletters;

	private final OptIns optIns;

	private final MemberDirectory members;

	DemoNewsletters(Newsletters newsletters, OptIns optIns, MemberDirectory members) {
		this.newsletters = newsletters;
		this.optIns = optIns;
		this.members = members;
	}

	/**
	 * Creates the newsletters and opts the demo accounts in, unless there are newsletters
	 * already: then a demo database seeded before newsletters existed gets them once, and
	 * staff changes are never undone.
	 */
	void seedIfNone(List<String> demoAccounts) {
		if (!newsletters.all().isEmpty()) {
			return;
		}
		Newsletter weekly = newsletters.create(new NewsletterSettings("weekly", "The Backstory Weekly",
				"Every Friday: the week's explainers and what changed in the stories we follow.", "The Undercurrent",
				SENDER, null, true));
		Newsletter breaking = newsletters.create(new NewsletterSettings("breaking-explainers", "Breaking explainers",
				"A short explainer when a big story breaks, a few times a month.", "The Undercurrent", SENDER, null,
				false));
		List<Long> ids = demoAccounts.stream()
			.flatMap(email -> members.findByEmail(email).stream())
			.map(member -> member.id())
			.toList();
		optIns.optInAll(weekly.id(), ids);
		optIns.optInAll(breaking.id(), ids);
	}

}
