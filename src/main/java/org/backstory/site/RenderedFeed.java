package org.backstory.site;

import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A feed document as sent, with its entity tag: a digest of the bytes, so any change to
 * what the feed carries (an edit, an article gone, a reader's access) changes the tag.
 *
 * @param body the RSS document
 * @param etag a strong entity tag, quoted
 */
record RenderedFeed(String body, String etag) {

	static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	/**
	 * The answer with both validators; Spring MVC turns it into a 304 without the body
	 * when the request's {@code If-None-Match} (or, without one,
	 * {@code If-Modified-Since}) still holds.
	 */
	ResponseEntity<String> answer(Instant lastModified) {
		return ResponseEntity.ok().contentType(RSS).eTag(etag).lastModified(lastModified).body(body);
	}

}
