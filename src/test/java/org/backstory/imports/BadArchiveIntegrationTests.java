package org.backstory.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad uploads at {@code /admin/import}: each gets a 4xx with a sentence saying what is
 * wrong and where, no Import button, and nothing written, not even the good posts beside
 * a bad one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadArchiveIntegrationTests extends ImportIntegrationTestSupport {

	@Override
	Archives archives() {
		return new Archives().staff(MemberFixtures.account(directory, "bad-staff", MemberRole.AUTHOR));
	}

	private String refusal(Visitor.Page page) {
		assertThat(page.status()).isEqualTo(422);
		assertThat(page.document().select("form.import-confirm")).isEmpty();
		return page.document().select(".import-problems, p.error").text();
	}

	@Test
	void aFileThatIsNeitherJsonNorAZipIsRefused() {
		String reason = refusal(desk.upload("notes.txt", "Just some notes.".getBytes(StandardCharsets.UTF_8)));

		assertThat(reason).contains("neither a Ghost export (a .json file) nor a Substack export (a .zip file)");
	}

	@Test
	void jsonWithASyntaxErrorIsRefusedWithItsLine() {
		String reason = refusal(
				desk.upload("ghost.json", "{\n  \"db\": [\n    {\"meta\": }\n]}".getBytes(StandardCharsets.UTF_8)));

		assertThat(reason).contains("ghost.json line 3").contains("This is not valid JSON");
	}

	@Test
	void jsonThatIsNotAGhostExportIsRefused() {
		String reason = refusal(desk.upload("other.json", "{\"posts\": []}".getBytes(StandardCharsets.UTF_8)));

		assertThat(reason).contains("not a Ghost export");
	}

	@Test
	void aDamagedZipIsRefused() {
		byte[] zip = archives.substack();
		byte[] damaged = Arrays.copyOf(zip, zip.length / 2);
		for (int i = 40; i < damaged.length; i++) {
			damaged[i] = (byte) (damaged[i] ^ 0x5a);
		}

		String reason = refusal(desk.upload("export.zip", damaged));

		assertThat(reason).containsAnyOf("The zip file is damaged", "no posts.csv");
		assertThat(editor.idOfSlug("morning-edition-" + archives.run)).isEmpty();
	}

	@Test
	void aZipWithoutAnExportIsRefused() {
		String reason = refusal(desk.upload("photos.zip", Archives.zip("", Map.of("photo.txt", "not an export"))));

		assertThat(reason).contains("no posts.csv (a Substack export) and no single .json file (a Ghost export)");
	}

	@Test
	void aPostsCsvWithAWrongColumnIsRefusedWithItsLine() {
		byte[] zip = archives.substack(files -> {
			files.put("posts.csv", files.get("posts.csv").replaceFirst(",audience,", ",audiences,"));
			return files;
		});

		String reason = refusal(desk.upload("export.zip", zip));

		assertThat(reason).contains("posts.csv line 1").contains("The column audience is missing");
	}

	@Test
	void aSubscriberListWithoutItsEmailColumnIsRefused() {
		byte[] zip = archives.substack(files -> {
			files.put("email_list.towncrier.csv",
					files.get("email_list.towncrier.csv").replaceFirst("^email,", "mail,"));
			return files;
		});

		String reason = refusal(desk.upload("export.zip", zip));

		assertThat(reason).contains("email_list.towncrier.csv line 1").contains("The column email is missing");
	}

	@Test
	void aSubstackPostWithBrokenHtmlStopsTheWholeImport() {
		String file = "posts/" + archives.run + "1003.members-letter-" + archives.run + ".html";
		byte[] zip = archives.substack(files -> {
			files.put(file, "<p>A letter <em>for everyone</p>\n<div><p>unclosed");
			return files;
		});

		String reason = refusal(desk.upload("export.zip", zip));

		assertThat(reason).contains(file).contains("broken HTML at 1:");
		assertThat(editor.idOfSlug("morning-edition-" + archives.run)).isEmpty();
		assertThat(directory.findByEmail("free-" + archives.run + "@example.test")).isEmpty();
	}

	@Test
	void aGhostPostWithBrokenHtmlStopsTheWholeImport() {
		byte[] json = archives
			.ghost(text -> text.replace("<p>A draft about buoys.</p>", "<p>A draft </span>about buoys.</p>"));

		String reason = refusal(desk.upload("ghost.json", json));

		assertThat(reason).contains("posts[4] \"Unfinished thoughts\"").contains("broken HTML");
		assertThat(editor.idOfSlug("field-notes-" + archives.run)).isEmpty();
	}

	@Test
	void aPostTheEditorWouldRefuseStopsTheImport() {
		byte[] json = archives.ghost(
				text -> text.replace("\"title\": \"Unfinished thoughts\"", "\"title\": \"" + "T".repeat(201) + "\""));

		String reason = refusal(desk.upload("ghost.json", json));

		assertThat(reason).contains("The title must be");
	}

	@Test
	void anUploadOverTheLimitIsRefusedWith413() {
		byte[] huge = new byte[26 * 1024 * 1024];
		Arrays.fill(huge, (byte) ' ');

		Visitor.Page page = desk.upload("ghost.json", huge);

		assertThat(page.status()).isEqualTo(413);
		assertThat(page.document().select("main, body").text()).contains("too large");
	}

	@Test
	void anUploadWithoutAFileIsRefused() {
		String reason = refusal(desk.upload("", new byte[0]));

		assertThat(reason).contains("Choose a Ghost export (.json) or a Substack export (.zip)");
	}

	@Test
	void aConfirmedImportCannotBeConfirmedAgain() {
		Visitor.Page dryRun = desk.upload("ghost.json", archives.ghost());
		assertThat(desk.confirm(dryRun).status()).isEqualTo(303);

		Visitor.Page again = desk.confirm(dryRun);

		assertThat(again.status()).isEqualTo(410);
		assertThat(again.document().select("p.error").text()).contains("expired or was already done");
	}

}
