package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.members.MemberRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticlePermissionsTests {

	@ParameterizedTest
	@CsvSource({
			// role, own, draft, may edit
			"MEMBER, true, true, false", "CONTRIBUTOR, true, true, true", "CONTRIBUTOR, true, false, false",
			"CONTRIBUTOR, false, true, false", "AUTHOR, true, false, true", "AUTHOR, false, true, false",
			"EDITOR, false, false, true", "OWNER, false, false, true" })
	void whoMayEdit(MemberRole role, boolean own, boolean draft, boolean mayEdit) {
		assertThat(ArticlePermissions.mayEdit(role, own, draft)).isEqualTo(mayEdit);
	}

	@ParameterizedTest
	@CsvSource({
			// role, own, author may publish, may publish
			"CONTRIBUTOR, true, true, false", "AUTHOR, true, false, false", "AUTHOR, true, true, true",
			"AUTHOR, false, true, false", "EDITOR, false, false, true", "ADMINISTRATOR, false, false, true" })
	void whoMayPublish(MemberRole role, boolean own, boolean authorMayPublish, boolean mayPublish) {
		assertThat(ArticlePermissions.mayPublish(role, own, authorMayPublish)).isEqualTo(mayPublish);
	}

	@ParameterizedTest
	@CsvSource({
			// role, own, draft, author may publish, may delete
			"MEMBER, true, true, true, false", "CONTRIBUTOR, true, true, false, true",
			"CONTRIBUTOR, false, true, false, false", "CONTRIBUTOR, true, false, true, false",
			"AUTHOR, true, true, false, true", "AUTHOR, true, false, false, false", "AUTHOR, true, false, true, true",
			"AUTHOR, false, true, true, false", "EDITOR, false, false, false, true",
			"OWNER, false, false, false, true" })
	void whoMayDelete(MemberRole role, boolean own, boolean draft, boolean authorMayPublish, boolean mayDelete) {
		assertThat(ArticlePermissions.mayDelete(role, own, draft, authorMayPublish)).isEqualTo(mayDelete);
	}

	@ParameterizedTest
	@CsvSource({ "AUTHOR, false", "EDITOR, true" })
	void onlyEditorsAllowAuthorsToPublish(MemberRole role, boolean allowed) {
		assertThat(ArticlePermissions.mayAllowAuthors(role)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "Eddie Editor, eddie-editor", "  Zoë  Ångström-Née ,zoe-angstrom-nee", "'***', author" })
	void authorSlugsComeFromNames(String name, String slug) {
		assertThat(ArticleVocabulary.slugOf(name)).isEqualTo(slug);
	}

}
