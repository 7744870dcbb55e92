package org.backstory.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How imports fetch feature images.
 *
 * @param privateImageHosts whether images may be fetched from loopback, private,
 * link-local and other non-public addresses (a self-hosted old site on the same network);
 * off by default, so an archive cannot make the server fetch from its own network
 * @param imageTimeout how long one image may take, connecting and reading
 */
@ConfigurationProperties("backstory.imports")
record ImportProperties(@DefaultValue("false") boolean privateImageHosts, @DefaultValue("10s") Duration imageTimeout) {
}
