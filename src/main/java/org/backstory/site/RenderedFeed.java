package org.backstory.site;

/**
 * A feed document as sent, with its entity tag: a digest of the bytes, so any change to what the feed carries
 * (an edit, an article gone, a reader's access) changes the tag.
 *
 * @param body the RSS document
 * @param etag a strong entity tag, quoted
 */
record RenderedFeed(String body, String etag) {
}
