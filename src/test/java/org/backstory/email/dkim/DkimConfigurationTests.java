package org.backstory.email.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.backstory.shared.StartRefusedFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The DKIM settings: off, on, or a startup failure that says in one sentence what to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class DkimConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(MailSigning.class);

	@TempDir
	Path directory;

	@Test
	void withoutSettingsNothingIsSigned() {
		context.withPropertyValues("backstory.mail.dkim.domain=", "backstory.mail.dkim.selector= ")
			.run(started -> assertThat(started.getBean(MessageSigner.class)).isSameAs(MessageSigner.NONE));
	}

	@Test
	void withAllThreeSettingsMessagesAreSigned() {
		context.withPropertyValues(settings(DkimTestKeys.writePkcs8(directory))).run(started -> {
			MessageSigner signer = started.getBean(MessageSigner.class);
			assertThat(signer.domain()).isEqualTo(DkimTestKeys.DOMAIN);
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
			message.setFrom("news@backstory.test");
			message.setRecipients(MimeMessage.RecipientType.TO, "ada@example.test");
			message.setSubject("Signed");
			message.setText("Hello");
			message.saveChanges();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			signer.writeTo(message, out);
			DkimTestKeys.verify(out.toByteArray());
		});
	}

	@Test
	void readsPkcs1KeysAsWellAsPkcs8() {
		RSAPrivateCrtKey pkcs8 = RsaPrivateKeyFile.read(DkimTestKeys.writePkcs8(directory));
		RSAPrivateCrtKey pkcs1 = RsaPrivateKeyFile.read(DkimTestKeys.writePkcs1(directory));

		assertThat(pkcs1.getModulus()).isEqualTo(pkcs8.getModulus()).isEqualTo(DkimTestKeys.publicModulus());
		assertThat(pkcs1.getPrivateExponent()).isEqualTo(pkcs8.getPrivateExponent());
	}

	@Test
	void incompleteSettingsNameTheMissingVariable() {
		assertFailure(
				new String[] { "backstory.mail.dkim.domain=backstory.test",
						"backstory.mail.dkim.private-key-file=" + DkimTestKeys.writePkcs8(directory) },
				"DKIM signing needs BACKSTORY_DKIM_DOMAIN, BACKSTORY_DKIM_SELECTOR and BACKSTORY_DKIM_PRIVATE_KEY_FILE "
						+ "together, and BACKSTORY_DKIM_SELECTOR is not set.");
	}

	@Test
	void aDomainOrSelectorThatCannotBeSignedWithIsRefused() {
		Path key = DkimTestKeys.writePkcs8(directory);
		assertFailure(
				new String[] { "backstory.mail.dkim.domain=example", "backstory.mail.dkim.selector=s1",
						"backstory.mail.dkim.private-key-file=" + key },
				"BACKSTORY_DKIM_DOMAIN must be a domain name such as example.com, not 'example'.");
		assertFailure(
				new String[] { "backstory.mail.dkim.domain=backstory.test", "backstory.mail.dkim.selector=s1; x=y",
						"backstory.mail.dkim.private-key-file=" + key },
				"BACKSTORY_DKIM_SELECTOR must be letters, digits and hyphens (dot-separated labels), such as mail2026, "
						+ "not 's1; x=y'.");
	}

	@Test
	void aKeyFileThatCannotBeUsedSaysWhy() throws Exception {
		Path missing = directory.resolve("missing.pem");
		assertKeyFailure(missing, "cannot be read (NoSuchFileException).");
		assertKeyFailure(Files.writeString(directory.resolve("text.pem"), "not a key"),
				"holds no PEM block (expected -----BEGIN PRIVATE KEY-----).");
		assertKeyFailure(DkimTestKeys.write(directory.resolve("public.pem"), "PUBLIC KEY", new byte[] { 1, 2, 3 }),
				"holds a PUBLIC KEY, not an RSA private key.");
		assertKeyFailure(
				DkimTestKeys.write(directory.resolve("encrypted.pem"), "ENCRYPTED PRIVATE KEY", new byte[] { 1 }),
				"holds an encrypted key; export it without a passphrase.");
		assertKeyFailure(DkimTestKeys.write(directory.resolve("garbage.pem"), "PRIVATE KEY", new byte[] { 1, 2, 3 }),
				"does not hold a readable RSA private key.");
		assertKeyFailure(
				Files.writeString(directory.resolve("bad-base64.pem"),
						"-----BEGIN RSA PRIVATE KEY-----\n%%%\n-----END RSA PRIVATE KEY-----\n"),
				"does not hold a readable RSA private key.");
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		assertKeyFailure(DkimTestKeys.write(directory.resolve("ec.pem"), "PRIVATE KEY",
				ec.generateKeyPair().getPrivate().getEncoded()), "does not hold a readable RSA private key.");
		assertKeyFailure(
				DkimTestKeys.write(directory.resolve("short.pem"), "PRIVATE KEY",
						DkimTestKeys.generate(512).getPrivate().getEncoded()),
				"holds a 512-bit key; receivers want at least 1024 bits, 2048 is usual.");
	}

	@Test
	void aBadKeyStopsTheAppWithOneSentenceAndNoStackTrace(CapturedOutput output) {
		Path missing = directory.resolve("dkim.pem");
		SpringApplication application = new SpringApplication(MailSigning.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);

		assertThatThrownBy(() -> application.run("--BACKSTORY_DKIM_DOMAIN=backstory.test",
				"--BACKSTORY_DKIM_SELECTOR=mail2026", "--BACKSTORY_DKIM_PRIVATE_KEY_FILE=" + missing))
			.hasRootCauseInstanceOf(NoSuchFileException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("BACKSTORY_DKIM_PRIVATE_KEY_FILE (" + missing + ") cannot be read (NoSuchFileException).")
			.contains("unset all three to send mail without a DKIM signature")
			.doesNotContain("Application run failed")
			.doesNotContain("\tat org.springframework");
	}

	private void assertKeyFailure(Path key, String problem) {
		assertFailure(settings(key), "BACKSTORY_DKIM_PRIVATE_KEY_FILE (" + key + ") " + problem);
	}

	private void assertFailure(String[] settings, String sentence) {
		context.withPropertyValues(settings).run(started -> {
			assertThat(started).hasFailed();
			FailureAnalysis analysis = new StartRefusedFailureAnalyzer().analyze(started.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo(sentence);
		});
	}

	private static String[] settings(Path key) {
		return new String[] { "backstory.mail.dkim.domain=" + DkimTestKeys.DOMAIN,
				"backstory.mail.dkim.selector=" + DkimTestKeys.SELECTOR,
				"backstory.mail.dkim.private-key-file=" + key };
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DkimProperties.class)
	@Import(DkimConfiguration.class)
	static class MailSigning {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
