package org.backstory.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.backstory.media.MediaLibrary;
import org.backstory.media.UnusableImageException;
import org.backstory.shared.BackstoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Copies an archive's feature images into the media library, four at a time: an image
 * that answers 200 with a JPEG, PNG or GIF no larger than the upload limit is stored and
 * its article gets the copy; any other is kept as a link. Only http and https, no
 * redirects, and (unless configured otherwise) only public addresses: the host is
 * resolved before the request and refused when any of its addresses is loopback, private,
 * link-local, multicast or unspecified.
 */
@Component
class FeatureImages {

	private static final Logger log = LoggerFactory.getLogger(FeatureImages.class);

	private final MediaLibrary media;

	private final BackstoryProperties site;

	private final ImportProperties properties;

	private final long maxBytes;

	private final HttpClient client;

	FeatureImages(MediaLibrary media, BackstoryProperties site, ImportProperties properties,
			@Value("${spring.servlet.multipart.max-file-size:25MB}") DataSize maxBytes) {
		this.media = media;
		this.site = site;
		this.properties = properties;
		this.maxBytes = maxBytes.toBytes();
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.imageTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * The stored copy's address of each image that could be fetched, by its original
	 * address.
	 */
	Map<String, String> copy(Collection<String> urls) {
		Map<String, String> copies = new ConcurrentHashMap<>();
		ExecutorService workers = Executors.newFixedThreadPool(4);
		try {
			urls.stream()
				.distinct()
				.forEach(url -> workers.execute(() -> fetch(url).ifPresent(bytes -> store(url, bytes, copies))));
		}
		finally {
			workers.shutdown();
			try {
				workers.awaitTermination(5, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return copies;
	}

	private void store(String url, byte[] bytes, Map<String, String> copies) {
		try {
			copies.put(url, site.link(media.upload(bytes).url()));
		}
		catch (UnusableImageException ex) {
			log.info("Import image not usable url={} reason={}", url, ex.getMessage());
		}
	}

	/**
	 * The image's bytes, or empty when it is refused, unreachable, not 200 or too large.
	 */
	Optional<byte[]> fetch(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| (!properties.privateImageHosts() && !publicHost(uri.getHost()))) {
				log.info("Import image refused url={}", url);
				return Optional.empty();
			}
			HttpResponse<InputStream> response = client.send(
					HttpRequest.newBuilder(uri).timeout(properties.imageTimeout()).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					log.info("Import image unreachable url={} status={}", url, response.statusCode());
					return Optional.empty();
				}
				byte[] bytes = body.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
				return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
			}
		}
		catch (IOException | IllegalArgumentException | URISyntaxException ex) {
			log.info("Import image unreachable url={} reason={}", url, ex.toString());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Whether every address of the host is a public one. */
	static boolean publicHost(String host) {
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				byte[] raw = address.getAddress();
				boolean uniqueLocal = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
				boolean sharedOrZero = raw.length == 4
						&& ((raw[0] & 0xff) == 0 || ((raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64));
				if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedOrZero) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
