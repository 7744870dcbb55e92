package org.backstory.api;

/**
 * A new integration with its keys in full: the only time the Content API key can be shown
 * (only its hash is kept).
 *
 * @param integration the integration
 * @param contentKey its Content API key, 26 lower-case hex characters
 * @param adminKey its Admin API key, {@code {24 hex id}:{64 hex secret}}
 */
public record IssuedIntegration(Integration integration, String contentKey, String adminKey) {
}
