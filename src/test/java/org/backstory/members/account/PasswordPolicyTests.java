package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.backstory.members.SiteName;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class PasswordPolicyTests {

	private static final String EMAIL = "ada.lovelace.1815@example.test";

	private final SiteName site = () -> "  The Weekly Engine  ";

	private final PasswordPolicy policy = new PasswordPolicy(provider(site));

	@Test
	void requiresTenToTwoHundredCharactersNotAllSpaces() {
		assertThat(policy.problem("123456789", EMAIL)).hasValue("Use at least 10 characters for your password.");
		assertThat(policy.problem("p".repeat(201), EMAIL)).hasValue("Use at most 200 characters for your password.");
		assertThat(policy.problem(" ".repeat(10), EMAIL)).hasValue("A password cannot be only spaces.");
		assertThat(policy.problem(null, EMAIL)).isPresent();
		assertThat(policy.problem("p".repeat(200), EMAIL)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1234567890
			qwertyuiop
			Password123
			'  PASSWORD123  '
			1q2w3e4r5t
			basketball
			""")
	void refusesCommonLeakedPasswordsWhateverTheirCase(String password) {
		assertThat(policy.problem(password, EMAIL)).hasValue(PasswordPolicy.TOO_COMMON);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ada.lovelace.1815@example.test
			ADA.Lovelace.1815@Example.TEST
			ada.lovelace.1815
			' Ada.Lovelace.1815 '
			""")
	void refusesTheEmailAddressAndItsLocalPart(String password) {
		assertThat(policy.problem(password, EMAIL)).hasValue(PasswordPolicy.EMAIL);
	}

	@Test
	void refusesTheSiteNameWhateverItsCase() {
		assertThat(policy.problem("the weekly engine", EMAIL)).hasValue(PasswordPolicy.SITE_NAME);
		assertThat(policy.problem(" THE WEEKLY ENGINE", EMAIL)).hasValue(PasswordPolicy.SITE_NAME);
	}

	@Test
	void acceptsAnUncommonPassphraseAndPasswordsThatOnlyContainTheNames() {
		assertThat(policy.problem("correct horse battery", EMAIL)).isEmpty();
		assertThat(policy.problem("ada.lovelace.1815 rides again", EMAIL)).isEmpty();
		assertThat(policy.problem("the weekly engine room", EMAIL)).isEmpty();
	}

	@Test
	void withoutASiteNameOnlyTheOtherRulesApply() {
		PasswordPolicy withoutSite = new PasswordPolicy(provider(null));

		assertThat(withoutSite.problem("the weekly engine", EMAIL)).isEmpty();
		assertThat(withoutSite.problem("1234567890", EMAIL)).hasValue(PasswordPolicy.TOO_COMMON);
	}

	@Test
	void theBundledListIsLowerCaseAndLongEnoughToMatterWithItsSourceNamed() throws IOException {
		List<String> lines;
		try (InputStream in = getClass().getResourceAsStream("/members/common-passwords.txt")) {
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		List<String> entries = lines.stream().filter(line -> !line.startsWith("#")).toList();

		assertThat(lines.get(1)).contains("@zxcvbn-ts/language-common");
		assertThat(lines).anyMatch(line -> line.startsWith("# Licence: MIT."));
		assertThat(entries).hasSizeGreaterThan(15_000).doesNotHaveDuplicates();
		assertThat(entries).allMatch(entry -> entry.length() >= 8 && entry.equals(entry.strip().toLowerCase()));
		assertThat(entries.stream().filter(entry -> entry.length() >= PasswordPolicy.MIN_LENGTH).count())
			.isGreaterThan(1_500);
		assertThat(entries).allMatch(CommonPasswords::contains);
	}

	private static ObjectProvider<SiteName> provider(@Nullable SiteName site) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (site != null) {
			beans.addBean("siteName", site);
		}
		return beans.getBeanProvider(SiteName.class);
	}

}
