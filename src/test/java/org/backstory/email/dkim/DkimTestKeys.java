package org.backstory.email.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Test fixture: a DKIM key pair made for the test run, its private key as PEM files, and
 * an independent verifier (Apache James jDKIM) that finds the public key where DNS would
 * publish it. Other email tests use it to sign through the real transports and check what
 * a receiver sees.
 */
public final class DkimTestKeys {

	public static final String DOMAIN = "backstory.test";

	public static final String SELECTOR = "test2026";

	private static final KeyPair KEYS = generate(2048);

	private DkimTestKeys() {
	}

	static KeyPair generate(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static BigInteger publicModulus() {
		return ((RSAPublicKey) KEYS.getPublic()).getModulus();
	}

	/**
	 * Writes the private key as an unencrypted PKCS#8 PEM file
	 * ({@code BEGIN PRIVATE KEY}) and returns it.
	 */
	public static Path writePkcs8(Path directory) {
		return write(directory.resolve("dkim-pkcs8.pem"), "PRIVATE KEY", KEYS.getPrivate().getEncoded());
	}

	/**
	 * Writes the private key as a PKCS#1 PEM file ({@code BEGIN RSA PRIVATE KEY}) and
	 * returns it.
	 */
	static Path writePkcs1(Path directory) {
		try {
			byte[] pkcs1 = PrivateKeyInfo.getInstance(KEYS.getPrivate().getEncoded())
				.parsePrivateKey()
				.toASN1Primitive()
				.getEncoded();
			return write(directory.resolve("dkim-pkcs1.pem"), "RSA PRIVATE KEY", pkcs1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path write(Path file, String type, byte[] der) {
		String pem = "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
		try {
			return Files.writeString(file, pem, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A signer for {@link #DOMAIN} and {@link #SELECTOR} with the key written to
	 * {@code directory}.
	 */
	public static MessageSigner signer(Path directory, Clock clock) {
		return new MessageSigner(
				DkimSigner.from(new DkimProperties(DOMAIN, SELECTOR, writePkcs8(directory).toString()), clock));
	}

	/**
	 * Verifies the message's DKIM signature as a receiver would, with the public key as
	 * published in DNS.
	 * @throws AssertionError when no signature verifies
	 */
	public static List<SignatureRecord> verify(byte[] raw) {
		try {
			List<SignatureRecord> valid = verifier().verify(new ByteArrayInputStream(raw));
			if (valid == null || valid.isEmpty()) {
				throw new AssertionError("No valid DKIM signature");
			}
			return valid;
		}
		catch (FailException | IOException ex) {
			throw new AssertionError("DKIM verification failed: " + ex.getMessage(), ex);
		}
	}

	/** Whether a signature of the message verifies. */
	public static boolean verifies(byte[] raw) {
		try {
			verify(raw);
			return true;
		}
		catch (AssertionError ex) {
			return false;
		}
	}

	private static DKIMVerifier verifier() {
		String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
		return new DKIMVerifier((method, selector, domain) -> {
			if (SELECTOR.contentEquals(selector) && DOMAIN.contentEquals(domain)) {
				return List.of(record);
			}
			throw new PermFailException("No key published at " + selector + "._domainkey." + domain);
		});
	}

}
