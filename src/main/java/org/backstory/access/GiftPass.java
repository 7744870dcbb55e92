package org.backstory.access;

/**
 * A gift link's token as a browser brings it, with the browser's id from the server's own
 * cookie ({@link GiftBrowsers}).
 *
 * @param token the token in the link, as typed (it may be anything)
 * @param browserId the browser's id, which only the server can mint
 */
public record GiftPass(String token, byte[] browserId) {
}
