package org.backstory.publishing;

import org.backstory.members.MemberRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeskChecksTests {

	@Test
	void anAuthorOfTheArticleIsToldAnEditorMustAllowIt() {
		assertThat(DeskChecks.publishRefusal(MemberRole.AUTHOR, true))
			.startsWith("An editor has not allowed this article's authors to publish it.")
			.contains("Ask an editor, an administrator or the owner");
	}

	@Test
	void everyoneElseIsToldWhoMayPublish() {
		assertThat(DeskChecks.publishRefusal(MemberRole.AUTHOR, false))
			.isEqualTo(DeskChecks.publishRefusal(MemberRole.CONTRIBUTOR, true))
			.startsWith("Only editors, administrators and the owner may publish this article.");
	}

}
