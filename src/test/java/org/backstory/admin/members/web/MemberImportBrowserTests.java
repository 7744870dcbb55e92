package org.backstory.admin.members.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.backstory.HeadlessChromium;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator imports a member file with one bad row in headless Chromium: the dry
 * run names the row by its line, and nothing is imported. Screenshots in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberImportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "member-import");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void aFileWithOneBadRowIsRejectedWithTheRowsLineAndNothingIsImported() throws Exception {
		String administrator = MemberFixtures.account(directory, "importer", MemberRole.ADMINISTRATOR);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Path csv = Files.createTempFile("members", ".csv");
		Files.writeString(csv, """
				email,name,note,subscribed_to_emails,complimentary_plan,labels,created_at
				ada-%1$s@example.test,Ada Lovelace,,true,false,imported,2024-03-01T09:30:00.000Z
				ben-%1$s@example.test,Ben,,true,false,imported,2024-03-02T09:30:00.000Z
				chloe-%1$s.example.test,Chloe,,true,false,imported,2024-03-03T09:30:00.000Z
				dev-%1$s@example.test,Dev,,true,false,imported,2024-03-04T09:30:00.000Z
				""".formatted(tag), StandardCharsets.UTF_8);

		browser.signIn(administrator, MemberFixtures.PASSWORD);
		browser.open("/admin/members");
		browser.driver().findElement(By.linkText("Import members from CSV")).click();
		browser.waitFor(ExpectedConditions.urlContains("/admin/members/import"));
		browser.find("input[type=file]").sendKeys(csv.toAbsolutePath().toString());
		browser.screenshot("1-file-chosen");
		browser.find("form.import-upload button[type=submit]").click();

		String problem = browser
			.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".import-problem")))
			.getText();
		browser.screenshot("2-bad-row-rejected");
		assertThat(problem).isEqualTo("Line 4: \"chloe-" + tag + ".example.test\" is not a valid email address");
		assertThat(browser.driver().findElements(By.cssSelector("form.import-confirm"))).isEmpty();
		assertThat(directory.findByEmail("ada-" + tag + "@example.test")).isEmpty();
		Files.delete(csv);
	}

}
