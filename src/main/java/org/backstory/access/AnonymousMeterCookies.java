package org.backstory.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.SecretFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The anonymous meter's cookie: the month and the ids of the paid articles a reader who
 * is not signed in has read in it, signed with HMAC-SHA256 so a reader cannot lower their
 * own count. Nothing about anonymous reading is stored on the server. The value reads
 * {@code 2026-12.12_45_67.<signature>}; a value that is malformed, signed with another
 * key or for another month reads as no articles read (a fresh meter), never as an error.
 * <p>
 * The key is {@code BACKSTORY_METER_KEY}, or {@code meter.key} in the data directory,
 * made on the first start (mode 0600) as the two-factor key is; several app nodes must
 * share it, or each reads the others' cookies as fresh meters.
 */
@Component
class AnonymousMeterCookies {

	static final String KEY_FILE = "meter.key";

	private static final Pattern VALUE = Pattern
		.compile("(\\d{4}-\\d{2})\\.(\\d{1,18}(?:_\\d{1,18}){0,199})\\.([A-Za-z0-9_-]{43})");

	private final SecretKeySpec key;

	private final boolean secure;

	@Autowired
	AnonymousMeterCookies(AccessProperties properties, BackstoryProperties app) {
		this(keyOf(properties, app), app.secure());
	}

	AnonymousMeterCookies(byte[] key, boolean secure) {
		this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
		this.secure = secure;
	}

	/**
	 * The articles read in {@code month} according to a cookie's value; empty when the
	 * value is not one this server signed for that month.
	 */
	Set<Long> read(String value, YearMonth month) {
		var matcher = VALUE.matcher(value);
		if (!matcher.matches() || !matcher.group(1).equals(month.toString())) {
			return Set.of();
		}
		String payload = matcher.group(1) + "." + matcher.group(2);
		byte[] presented = Base64.getUrlDecoder().decode(matcher.group(3));
		if (!MessageDigest.isEqual(presented, sign(payload))) {
			return Set.of();
		}
		Set<Long> read = new LinkedHashSet<>();
		for (String id : matcher.group(2).split("_")) {
			read.add(Long.parseLong(id));
		}
		return Set.copyOf(read);
	}

	/**
	 * The cookie that records {@code read} for {@code month}: HttpOnly, SameSite=Lax,
	 * Secure on https, kept until the month ends.
	 */
	ResponseCookie write(Set<Long> read, YearMonth month, Instant now) {
		String payload = month + "." + read.stream().sorted().map(String::valueOf).collect(Collectors.joining("_"));
		String value = payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(payload));
		Instant monthEnds = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		return ResponseCookie.from(AnonymousMeter.COOKIE, value)
			.path("/")
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.maxAge(Duration.between(now, monthEnds))
			.build();
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(("anonymous-meter." + payload).getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
		}
	}

	private static byte[] keyOf(AccessProperties properties, BackstoryProperties app) {
		try {
			String text = properties.meterKey() != null && !properties.meterKey().isBlank() ? properties.meterKey()
					: SecretFile.readOrCreate(app.dataDir().resolve(KEY_FILE));
			byte[] key = Base64.getUrlDecoder()
				.decode(text.strip().replace('+', '-').replace('/', '_').replace("=", ""));
			if (key.length < 32) {
				throw new IllegalStateException("The meter key (BACKSTORY_METER_KEY or " + KEY_FILE + ") has "
						+ key.length + " bytes; it needs 32 (make one with: openssl rand -base64 32).");
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The meter key (BACKSTORY_METER_KEY or " + KEY_FILE + ") is not Base64.",
					ex);
		}
	}

}
