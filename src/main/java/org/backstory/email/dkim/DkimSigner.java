package org.backstory.email.dkim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Signs a serialised message with DKIM (RFC 6376): {@code rsa-sha256},
 * {@code relaxed/relaxed}. The message must already be in its wire form (CRLF line ends);
 * the signature covers exactly those bytes, so they must be sent unchanged. Thread-safe.
 */
final class DkimSigner {

	/**
	 * Signed when present, in this order. {@code From}, {@code To}, {@code Subject},
	 * {@code Date}, {@code Message-ID}, {@code MIME-Version} and {@code Content-Type} are
	 * in every message Jakarta Mail builds; the list headers make a forged unsubscribe
	 * target detectable.
	 */
	static final List<String> SIGNED_HEADERS = List.of("from", "reply-to", "to", "cc", "subject", "date", "message-id",
			"mime-version", "content-type", "content-transfer-encoding", "list-id", "list-unsubscribe",
			"list-unsubscribe-post");

	private static final Pattern DOMAIN = Pattern
		.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

	private static final Pattern SELECTOR = Pattern
		.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

	private static final int B64_LINE = 72;

	private final String domain;

	private final String selector;

	private final RSAPrivateCrtKey key;

	private final Clock clock;

	DkimSigner(String domain, String selector, RSAPrivateCrtKey key, Clock clock) {
		this.domain = domain;
		this.selector = selector;
		this.key = key;
		this.clock = clock;
	}

	/**
	 * A signer for complete settings.
	 * @throws InvalidDkimConfigurationException naming the variable that is missing or
	 * wrong
	 */
	static DkimSigner from(DkimProperties properties, Clock clock) {
		String domain = required(properties.domain(), "BACKSTORY_DKIM_DOMAIN");
		String selector = required(properties.selector(), "BACKSTORY_DKIM_SELECTOR");
		String keyFile = required(properties.privateKeyFile(), "BACKSTORY_DKIM_PRIVATE_KEY_FILE");
		if (!DOMAIN.matcher(domain).matches()) {
			throw new InvalidDkimConfigurationException(
					"BACKSTORY_DKIM_DOMAIN must be a domain name such as example.com, not '" + domain + "'.");
		}
		if (!SELECTOR.matcher(selector).matches()) {
			throw new InvalidDkimConfigurationException("BACKSTORY_DKIM_SELECTOR must be letters, digits and "
					+ "hyphens (dot-separated labels), such as mail2026, not '" + selector + "'.");
		}
		return new DkimSigner(domain.toLowerCase(Locale.ROOT), selector, RsaPrivateKeyFile.read(Path.of(keyFile)),
				clock);
	}

	private static String required(@Nullable String value, String variable) {
		if (!DkimProperties.isSet(value)) {
			throw new InvalidDkimConfigurationException("DKIM signing needs BACKSTORY_DKIM_DOMAIN, "
					+ "BACKSTORY_DKIM_SELECTOR and BACKSTORY_DKIM_PRIVATE_KEY_FILE together, and " + variable
					+ " is not set.");
		}
		return Objects.requireNonNull(value).strip();
	}

	String domain() {
		return domain;
	}

	String selector() {
		return selector;
	}

	int keyBits() {
		return key.getModulus().bitLength();
	}

	/** The TXT record to publish at {@code <selector>._domainkey.<domain>}. */
	String publicKeyRecord() {
		try {
			byte[] publicKey = KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()))
				.getEncoded();
			return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is always available", ex);
		}
	}

	/** {@code message} (CRLF line ends) with a {@code DKIM-Signature} field in front. */
	byte[] sign(byte[] message) {
		int bodyStart = bodyStart(message);
		List<HeaderField> fields = HeaderField.parse(message, bodyStart);
		List<String> names = new ArrayList<>();
		List<HeaderField> signed = new ArrayList<>();
		for (String name : SIGNED_HEADERS) {
			// Repeated fields are signed from the last one up (RFC 6376 5.4.2).
			for (int i = fields.size() - 1; i >= 0; i--) {
				if (fields.get(i).name().equals(name)) {
					names.add(name);
					signed.add(fields.get(i));
				}
			}
		}
		String unsigned = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
				+ ";\r\n\tt=" + clock.instant().getEpochSecond() + "; h=" + String.join(":", names) + ";\r\n\tbh="
				+ Base64.getEncoder().encodeToString(RelaxedBody.sha256(message, bodyStart)) + ";\r\n\tb=";
		byte[] header = (unsigned + fold(signature(signed, unsigned)) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] result = new byte[header.length + message.length];
		System.arraycopy(header, 0, result, 0, header.length);
		System.arraycopy(message, 0, result, header.length, message.length);
		return result;
	}

	private String signature(List<HeaderField> signed, String unsignedField) {
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(key);
			for (HeaderField field : signed) {
				rsa.update((field.relaxed() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			}
			rsa.update(HeaderField.relaxed(unsignedField).getBytes(StandardCharsets.ISO_8859_1));
			return Base64.getEncoder().encodeToString(rsa.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing with the DKIM key failed", ex);
		}
	}

	/**
	 * Where the body begins: after the empty line that ends the header, or the end if
	 * there is none.
	 */
	private static int bodyStart(byte[] message) {
		for (int i = 0; i + 3 < message.length; i++) {
			if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
				return i + 4;
			}
		}
		return message.length;
	}

	private static String fold(String base64) {
		StringBuilder folded = new StringBuilder(base64.length() + base64.length() / B64_LINE * 3);
		for (int start = 0; start < base64.length(); start += B64_LINE) {
			if (start > 0) {
				folded.append("\r\n\t ");
			}
			folded.append(base64, start, Math.min(base64.length(), start + B64_LINE));
		}
		return folded.toString();
	}

}
