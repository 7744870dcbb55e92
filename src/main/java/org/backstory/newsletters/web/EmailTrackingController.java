package org.backstory.newsletters.web;

import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.newsletters.EmailTracking;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The open pixel ({@code /e/o/<token>}) and click redirects ({@code /e/c/<token>}) of
 * tracked newsletter messages. Neither carries article text. The pixel answers the same
 * GIF whatever the token, so a tampered one learns nothing and breaks no image. A click
 * answers 302 straight to the link's target, which learns nothing about the member: the
 * target URL is the one in the article, and {@code Referrer-Policy: no-referrer} keeps
 * the token (which names the member) out of its {@code Referer}. A click token we did not
 * sign is a 400 page, never a redirect.
 */
@Controller
class EmailTrackingController {

	private static final byte[] PIXEL = Base64.getDecoder().decode(EmailTracking.PIXEL_GIF_BASE64);

	private final EmailTracking tracking;

	EmailTrackingController(EmailTracking tracking) {
		this.tracking = tracking;
	}

	@GetMapping("/e/o/{token}")
	@ResponseBody
	ResponseEntity<byte[]> open(@PathVariable String token) {
		tracking.open(token);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_GIF)
			.cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", "noindex")
			.body(PIXEL);
	}

	@GetMapping("/e/c/{token}")
	Object click(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<String> target = tracking.click(token);
		if (target.isEmpty()) {
			Pages.signedLinkPage(response);
			return Pages.message(model, response, HttpStatus.BAD_REQUEST, "This link is not valid",
					"This link is not valid: it may have been cut short or changed when it was copied. "
							+ "Open the link from the newsletter as it is.",
					"/", "Go to the front page");
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, target.get())
			.header("Referrer-Policy", "no-referrer")
			.cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", "noindex")
			.build();
	}

}
