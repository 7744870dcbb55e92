package org.backstory.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Admin API tokens made the way Ghost's admin client makes them (HS256 over the hex-decoded secret), or spoilt. */
public final class AdminApiTokens {

	private AdminApiTokens() {
	}

	/** A token as {@code @tryghost/admin-api} signs it: five minutes long, for {@code /admin/}. */
	public static String token(String adminKey, Instant now) {
		long iat = now.getEpochSecond();
		return signed(adminKey, header(adminKey, "HS256"), "{\"iat\":" + iat + ",\"exp\":" + (iat + 300)
				+ ",\"aud\":\"/admin/\"}");
	}

	static String header(String adminKey, String alg) {
		return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + adminKey.split(":")[0] + "\"}";
	}

	/** A token with this header and these claims, signed HS256 with the key's secret. */
	static String signed(String adminKey, String header, String claims) {
		String signed = base64(header) + "." + base64(claims);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(HexFormat.of().parseHex(adminKey.split(":")[1]), "HmacSHA256"));
			return signed + "." + Base64.getUrlEncoder().withoutPadding()
				.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
