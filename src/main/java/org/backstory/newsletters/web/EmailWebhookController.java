package org.backstory.newsletters.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.newsletters.DeliveryReport;
import org.backstory.newsletters.DeliveryReports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mail provider's bounce and complaint webhook, {@code POST /webhooks/email}, in a
 * generic JSON form that a small adapter (or the provider's own template) can produce. It
 * exists only when a shared secret is configured, takes no session and no CSRF token (the
 * bearer secret authenticates the provider), and answers 202 with the number of reports
 * accepted, 401 without the secret, and 400 with a reason for a body it cannot read, in
 * which case nothing is applied.
 */
@RestController
class EmailWebhookController {

	/** A batch of a thousand reports is well under this. */
	private static final int MAX_PAYLOAD = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(EmailWebhookController.class);

	private final EmailWebhookProperties properties;

	private final DeliveryReports reports;

	private final JsonMapper json;

	EmailWebhookController(EmailWebhookProperties properties, DeliveryReports reports, JsonMapper json) {
		this.properties = properties;
		this.reports = reports;
		this.json = json;
	}

	@PostMapping("/webhooks/email")
	ResponseEntity<Map<String, Object>> receive(HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization)
			throws IOException {
		if (!properties.enabled()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!properties.authorizes(authorization)) {
			log.warn("Email webhook refused: missing or wrong secret");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.body(Map.of("error", "missing or wrong bearer secret"));
		}
		byte[] body = request.getInputStream().readNBytes(MAX_PAYLOAD + 1);
		if (body.length > MAX_PAYLOAD) {
			return refuse(HttpStatus.CONTENT_TOO_LARGE, "payload too large");
		}
		List<DeliveryReport> parsed;
		try {
			parsed = DeliveryReportParser.parse(json, body);
		}
		catch (DeliveryReportParser.Refused ex) {
			return refuse(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		reports.apply(parsed);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("accepted", parsed.size()));
	}

	private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String reason) {
		log.info("Email webhook refused status={} reason={}", status.value(), reason);
		return ResponseEntity.status(status).body(Map.of("error", reason));
	}

}
