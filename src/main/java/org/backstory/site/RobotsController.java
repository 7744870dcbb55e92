package org.backstory.site;

import java.nio.charset.StandardCharsets;

import org.backstory.shared.BackstoryProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * robots.txt: crawl the reading pages, skip the account, checkout and admin areas, and
 * find the sitemap.
 */
@Controller
class RobotsController {

	private final BackstoryProperties properties;

	RobotsController(BackstoryProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		String body = """
				User-agent: *
				Disallow: /account
				Disallow: /admin
				Disallow: /checkout
				Disallow: /login
				Disallow: /signup

				Sitemap: %s
				Sitemap: %s
				""".formatted(properties.link("/sitemap.xml"), properties.link("/sitemap-news.xml"));
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(body);
	}

}
