package org.backstory.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin API tokens made the way Ghost's admin client makes them (HS256 over the
 * hex-decoded secret), or spoilt.
 */
public final class AdminApiTokens {

	private AdminApiTokens() {
	}

	/**
	 * A JSON request to the Admin API on this port, as Ghost's admin client sends it (no
	 * token yet).
	 */
	static HttpRequest.Builder request(int port, String method, String path, @Nullable String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ghost/api/admin/" + path))
			.header("Content-Type", "application/json")
			.header("Accept-Version", "v5.0")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
	}

	/**
	 * Asserts the answer is Ghost's error envelope with this status and type; the first
	 * error.
	 */
	static JsonNode assertError(JsonMapper json, HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode error = json.readTree(response.body()).get("errors").get(0);
		assertThat(error.get("type").asString()).isEqualTo(type);
		return error;
	}

	/**
	 * A token as {@code @tryghost/admin-api} signs it: five minutes long, for
	 * {@code /admin/}.
	 */
	public static String token(String adminKey, Instant now) {
		long iat = now.getEpochSecond();
		return signed(adminKey, header(adminKey, "HS256"),
				"{\"iat\":" + iat + ",\"exp\":" + (iat + 300) + ",\"aud\":\"/admin/\"}");
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
			return signed + "."
					+ Base64.getUrlEncoder()
						.withoutPadding()
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
