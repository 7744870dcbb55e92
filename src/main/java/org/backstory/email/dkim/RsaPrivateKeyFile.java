package org.backstory.email.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.jspecify.annotations.Nullable;

/**
 * Reads an unencrypted RSA private key from a PEM file, PKCS#8 ({@code openssl genpkey})
 * or PKCS#1 (older {@code openssl genrsa}). Every failure is an
 * {@link InvalidDkimConfigurationException} naming
 * {@code BACKSTORY_DKIM_PRIVATE_KEY_FILE}.
 */
final class RsaPrivateKeyFile {

	/** Receivers ignore or distrust shorter keys (RFC 8301). */
	static final int MINIMUM_BITS = 1024;

	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
			Pattern.DOTALL);

	private RsaPrivateKeyFile() {
	}

	static RSAPrivateCrtKey read(Path file) {
		String pem;
		try {
			pem = Files.readString(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw invalid(file, "cannot be read (" + ex.getClass().getSimpleName() + ")", ex);
		}
		Matcher block = PEM.matcher(pem);
		if (!block.find()) {
			throw invalid(file, "holds no PEM block (expected -----BEGIN PRIVATE KEY-----)", null);
		}
		String type = block.group(1);
		if (type.contains("ENCRYPTED") || block.group(2).contains("ENCRYPTED")) {
			throw invalid(file, "holds an encrypted key; export it without a passphrase", null);
		}
		RSAPrivateCrtKey key = switch (type) {
			case "PRIVATE KEY" -> decode(file, block.group(2), PKCS8EncodedKeySpec::new);
			case "RSA PRIVATE KEY" -> decode(file, block.group(2), RsaPrivateKeyFile::pkcs1);
			default -> throw invalid(file, "holds a " + type + ", not an RSA private key", null);
		};
		int bits = key.getModulus().bitLength();
		if (bits < MINIMUM_BITS) {
			throw invalid(file,
					"holds a " + bits + "-bit key; receivers want at least " + MINIMUM_BITS + " bits, 2048 is usual",
					null);
		}
		return key;
	}

	private static RSAPrivateCrtKey decode(Path file, String base64, Function<byte[], KeySpec> spec) {
		PrivateKey key;
		try {
			key = KeyFactory.getInstance("RSA")
				.generatePrivate(spec.apply(Base64.getMimeDecoder().decode(base64.strip())));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw invalid(file, "does not hold a readable RSA private key", ex);
		}
		if (key instanceof RSAPrivateCrtKey crt) {
			return crt;
		}
		throw invalid(file, "holds an RSA key without its CRT parameters, from which the public key is derived", null);
	}

	private static KeySpec pkcs1(byte[] der) {
		RSAPrivateKey rsa = RSAPrivateKey.getInstance(der);
		return new RSAPrivateCrtKeySpec(rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(),
				rsa.getPrime1(), rsa.getPrime2(), rsa.getExponent1(), rsa.getExponent2(), rsa.getCoefficient());
	}

	private static InvalidDkimConfigurationException invalid(Path file, String problem, @Nullable Throwable cause) {
		return new InvalidDkimConfigurationException("BACKSTORY_DKIM_PRIVATE_KEY_FILE (" + file + ") " + problem + ".",
				cause);
	}

}
