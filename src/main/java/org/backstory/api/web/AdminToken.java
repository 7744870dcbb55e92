package org.backstory.api.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.backstory.api.AdminKey;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an Admin API token as Ghost does ({@code services/auth/api-key/admin.js} with
 * {@code jsonwebtoken}): a JWT whose header names the key ({@code kid}), signed HS256
 * with the key's hex-decoded secret, for an audience matching {@code /?admin/?$}, issued
 * at most five minutes ago and not expired. Only HS256 is accepted (so neither
 * {@code alg:none} nor a key-confusion trick), and the MAC is compared in constant time.
 * Unlike {@code jsonwebtoken}, a token claiming to be issued more than the allowed skew
 * in the future is refused too, so a token without {@code exp} cannot be made to live
 * longer than five minutes.
 */
final class AdminToken {

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final Pattern AUDIENCE = Pattern.compile("/?admin/?$");

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]*");

	private final JsonMapper json;

	AdminToken(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The key the token was signed with, once everything checks out.
	 * @param keys the active Admin API key with this id, if there is one
	 * @throws GhostError 400 when the token cannot be read or names no key, 401 for an
	 * unknown key or a token that fails any check
	 */
	AdminKey verify(String token, Function<String, Optional<AdminKey>> keys, Instant now) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3 || !SEGMENT.matcher(parts[0]).matches() || !SEGMENT.matcher(parts[1]).matches()
				|| !SEGMENT.matcher(parts[2]).matches()) {
			throw new GhostError(HttpStatus.BAD_REQUEST, "BadRequestError", "Invalid token", null, "INVALID_JWT");
		}
		JsonNode header = decode(parts[0]).orElseThrow(
				() -> new GhostError(HttpStatus.BAD_REQUEST, "BadRequestError", "Invalid token", null, "INVALID_JWT"));
		JsonNode kid = header.get("kid");
		if (kid == null || !kid.isString() || kid.asString().isEmpty()) {
			throw new GhostError(HttpStatus.BAD_REQUEST, "BadRequestError", "Admin API kid missing.", null,
					"MISSING_ADMIN_API_KID");
		}
		AdminKey key = keys.apply(kid.asString())
			.orElseThrow(() -> new GhostError(HttpStatus.UNAUTHORIZED, "UnauthorizedError", "Unknown Admin API Key",
					null, "UNKNOWN_ADMIN_API_KEY"));
		JsonNode alg = header.get("alg");
		if (alg == null || !"HS256".equals(alg.asString(""))) {
			throw invalid("invalid algorithm");
		}
		if (!MessageDigest.isEqual(hmac(key.secret(), parts[0] + "." + parts[1]),
				base64(parts[2]).orElse(new byte[0]))) {
			throw invalid("invalid signature");
		}
		JsonNode claims = decode(parts[1]).filter(JsonNode::isObject).orElseThrow(() -> invalid("jwt malformed"));
		checkTimes(claims, now);
		checkAudience(claims.get("aud"));
		return key;
	}

	private static void checkTimes(JsonNode claims, Instant now) {
		long seconds = now.getEpochSecond();
		JsonNode iat = claims.get("iat");
		if (iat == null || !iat.isNumber()) {
			throw invalid("iat required when maxAge is specified");
		}
		if (seconds >= iat.asLong() + MAX_AGE.toSeconds()) {
			throw invalid("maxAge exceeded");
		}
		if (iat.asLong() > seconds + MAX_AGE.toSeconds()) {
			throw invalid("jwt issued in the future");
		}
		JsonNode exp = claims.get("exp");
		if (exp != null && (!exp.isNumber() || seconds >= exp.asLong())) {
			throw invalid(exp.isNumber() ? "jwt expired" : "invalid exp value");
		}
		JsonNode nbf = claims.get("nbf");
		if (nbf != null && (!nbf.isNumber() || seconds < nbf.asLong())) {
			throw invalid(nbf.isNumber() ? "jwt not active" : "invalid nbf value");
		}
	}

	private static void checkAudience(JsonNode aud) {
		boolean matches = false;
		if (aud != null && aud.isString()) {
			matches = AUDIENCE.matcher(aud.asString()).find();
		}
		else if (aud != null && aud.isArray()) {
			for (JsonNode one : aud) {
				matches |= one.isString() && AUDIENCE.matcher(one.asString()).find();
			}
		}
		if (!matches) {
			throw invalid("jwt audience invalid. expected: /?admin/?$");
		}
	}

	private Optional<JsonNode> decode(String segment) {
		return base64(segment).flatMap(bytes -> {
			try {
				JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
				return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
			}
			catch (JacksonException ex) {
				return Optional.empty();
			}
		});
	}

	private static Optional<byte[]> base64(String segment) {
		try {
			return Optional.of(Base64.getUrlDecoder().decode(segment));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static byte[] hmac(byte[] secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
		}
	}

	private static GhostError invalid(String reason) {
		return new GhostError(HttpStatus.UNAUTHORIZED, "UnauthorizedError", "Invalid token: " + reason, null,
				"INVALID_JWT");
	}

}
