package org.backstory.publishing;

import org.backstory.members.MemberRole;

/**
 * Who may do what to an article in the newsroom. Pure. Contributors write their own
 * drafts; authors their own articles, publishing one only when an editor has allowed it;
 * editors and above everything.
 */
final class ArticlePermissions {

	private ArticlePermissions() {
	}

	/** Whether the role sees and edits every article, not only its own. */
	static boolean seesAll(MemberRole role) {
		return role.atLeast(MemberRole.EDITOR);
	}

	/**
	 * Whether someone with this role may look at an article, its preview and its
	 * revisions.
	 */
	static boolean mayView(MemberRole role, boolean own) {
		return seesAll(role) || own && role.atLeast(MemberRole.CONTRIBUTOR);
	}

	/**
	 * Whether someone with this role may open and save an article.
	 * @param own whether they are among its authors
	 * @param draft whether the article is a draft
	 */
	static boolean mayEdit(MemberRole role, boolean own, boolean draft) {
		if (seesAll(role)) {
			return true;
		}
		return switch (role) {
			case AUTHOR -> own;
			case CONTRIBUTOR -> own && draft;
			default -> false;
		};
	}

	/**
	 * Whether someone with this role may publish, schedule or unpublish an article.
	 * @param own whether they are among its authors
	 * @param authorMayPublish whether an editor has allowed the article's authors to
	 * publish it
	 */
	static boolean mayPublish(MemberRole role, boolean own, boolean authorMayPublish) {
		return seesAll(role) || role == MemberRole.AUTHOR && own && authorMayPublish;
	}

	/**
	 * Whether someone with this role may delete an article: a draft whoever may edit it,
	 * an article on the site (or scheduled) only whoever may also take it off the site.
	 */
	static boolean mayDelete(MemberRole role, boolean own, boolean draft, boolean authorMayPublish) {
		return mayEdit(role, own, draft) && (draft || mayPublish(role, own, authorMayPublish));
	}

	/** Whether the role may allow an article's authors to publish it. */
	static boolean mayAllowAuthors(MemberRole role) {
		return seesAll(role);
	}

}
