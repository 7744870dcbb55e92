package org.backstory.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleFixtures;

/**
 * Staff visitors and articles written through the editor's own form, for the newsroom's
 * tests.
 */
final class Newsroom {

	static final String FREE = "A free paragraph everyone reads.";

	static final String GATED = "The gated paragraph only subscribers read.";

	private final int port;

	private final MemberDirectory directory;

	Newsroom(int port, MemberDirectory directory) {
		this.port = port;
		this.directory = directory;
	}

	/** A staff member with this role, signed in. */
	Visitor staff(MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		return visitor;
	}

	Visitor anonymous() {
		return new Visitor(port);
	}

	/** The author slug the editor gives this staff member (made on first use). */
	static String ownAuthor(Visitor staff) {
		return staff.get("/admin/articles/new").document().selectFirst("input[name=authors]").attr("value");
	}

	/**
	 * Every field of the editor's form for a paid article with a free and a gated
	 * paragraph.
	 */
	static Map<String, String> fields(String slug, String authors) {
		return ArticleFixtures.paidArticleForm(slug, "Dek of " + slug,
				FREE + "\n\n<!-- paywall -->\n\n" + GATED + " " + slug, authors);
	}

	static Map<String, String> with(Map<String, String> fields, String name, String value) {
		Map<String, String> changed = new HashMap<>(fields);
		changed.put(name, value);
		return changed;
	}

	/** Writes a new article as this staff member, by their own byline; returns its id. */
	static long write(Visitor staff, String slug) {
		return write(staff, fields(slug, ownAuthor(staff)));
	}

	static long write(Visitor staff, Map<String, String> fields) {
		Visitor.Page saved = staff.submit("/admin/articles/new", "/admin/articles", fields);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String location = saved.header("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	static String slug(String prefix) {
		return ArticleFixtures.unique(prefix);
	}

	/**
	 * The CSRF field's value on the page at {@code path}, for posts made as the editor's
	 * script makes them.
	 */
	static String csrf(Visitor staff, String path) {
		return staff.get(path).document().selectFirst("input[name=_csrf]").attr("value");
	}

}
