package org.backstory.exports;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backstory.billing.BillingArchive;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.ArticleArchive;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.springframework.stereotype.Component;

/**
 * Reads the small tables the posts file carries besides the posts, from the modules that
 * own them.
 */
@Component
class SiteRecords {

	/**
	 * The publication's settings (its house format's section labels among them), tags,
	 * authors (with the staff accounts some of them are), plans and newsletters, each in
	 * a stable order.
	 */
	record Site(Publication publication, HouseLabels labels, List<ArchivedArticle.Tag> tags,
			List<ArchivedArticle.Author> authors, Map<Long, MemberProfile> staff,
			List<BillingArchive.ArchivedPlan> plans, List<Newsletter> newsletters) {
	}

	private final ArticleArchive articles;

	private final MemberDirectory members;

	private final Newsletters newsletters;

	private final BillingArchive billing;

	private final PublicationService publications;

	SiteRecords(ArticleArchive articles, MemberDirectory members, Newsletters newsletters, BillingArchive billing,
			PublicationService publications) {
		this.articles = articles;
		this.members = members;
		this.newsletters = newsletters;
		this.billing = billing;
		this.publications = publications;
	}

	Site read() {
		List<ArchivedArticle.Author> authors = articles.authors();
		return new Site(publications.publication(), publications.labels(), articles.tags(), authors,
				members
					.profiles(authors.stream().map(ArchivedArticle.Author::memberId).filter(Objects::nonNull).toList()),
				billing.plans(), newsletters.all());
	}

}
