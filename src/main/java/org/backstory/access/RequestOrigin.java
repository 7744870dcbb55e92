package org.backstory.access;

import org.jspecify.annotations.Nullable;

/**
 * Where a page request comes from, as far as crawler verification cares.
 *
 * @param clientAddress the client's IP address as the app sees it, after the trusted
 * proxies' forwarded headers
 * @param userAgent the {@code User-Agent} header, or null
 */
public record RequestOrigin(String clientAddress, @Nullable String userAgent) {
}
