package org.backstory.publishing;

import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.Refusal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The newsroom's permission checks ({@link ArticlePermissions} applied to a staff member
 * and an article's standing), shared by {@link ArticleDesk} and {@link ArticleRevisions};
 * each refusal is an {@link AccessDeniedException}, a 403.
 */
@Component
class DeskChecks {

	private final ArticleDeskRepository repository;

	DeskChecks(ArticleDeskRepository repository) {
		this.repository = repository;
	}

	/**
	 * The article's standing for this staff member.
	 * @throws NoSuchArticleException if there is none
	 */
	ArticleDeskRepository.Standing standing(long id, SignedInMember staff) {
		requireStaff(staff);
		return repository.standing(id, staff.id()).orElseThrow(() -> new NoSuchArticleException(id));
	}

	void requireView(long id, SignedInMember staff) {
		ArticleDeskRepository.Standing standing = standing(id, staff);
		if (!ArticlePermissions.mayView(staff.role(), standing.own())) {
			throw new AccessDeniedException("You may not see this article.");
		}
	}

	ArticleDeskRepository.Standing requireEdit(long id, SignedInMember staff) {
		ArticleDeskRepository.Standing standing = standing(id, staff);
		if (!ArticlePermissions.mayEdit(staff.role(), standing.own(), standing.draft())) {
			throw new AccessDeniedException("You may not edit this article.");
		}
		return standing;
	}

	void requirePublish(long id, SignedInMember staff) {
		ArticleDeskRepository.Standing standing = standing(id, staff);
		if (!ArticlePermissions.mayPublish(staff.role(), standing.own(), standing.authorMayPublish())) {
			throw new Refusal(publishRefusal(staff.role(), standing.own()));
		}
	}

	/** Why this staff member may not publish the article, and who can allow it. */
	static String publishRefusal(MemberRole role, boolean own) {
		if (role == MemberRole.AUTHOR && own) {
			return "An editor has not allowed this article's authors to publish it. Ask an editor, an administrator "
					+ "or the owner to allow it on the article's page, or to publish it for you.";
		}
		return "Only editors, administrators and the owner may publish this article. Ask one of them to publish "
				+ "it for you.";
	}

	static void requireStaff(SignedInMember staff) {
		if (!staff.role().staff()) {
			throw new AccessDeniedException("Only staff write articles.");
		}
	}

}
