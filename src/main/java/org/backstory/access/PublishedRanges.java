package org.backstory.access;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.backstory.shared.StartRefused;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The address ranges search engines publish for their crawlers, read from files in
 * Google's format ({@code {"prefixes": [{"ipv4Prefix": "66.249.64.0/27"}, {"ipv6Prefix":
 * "2001:4860:4801:10::/64"}]}}, which Bing's {@code bingbot.json} shares). Nothing is
 * fetched: the operator downloads the files.
 */
final class PublishedRanges {

	private final List<Prefix> prefixes;

	private PublishedRanges(List<Prefix> prefixes) {
		this.prefixes = List.copyOf(prefixes);
	}

	static PublishedRanges none() {
		return new PublishedRanges(List.of());
	}

	/**
	 * The ranges in the files, comma-separated paths; an empty list reads none.
	 * @throws StartRefused naming the file that cannot be read or is not in the published
	 * format
	 */
	static PublishedRanges read(String paths, JsonMapper json) {
		List<Prefix> prefixes = new ArrayList<>();
		for (String path : paths.split(",")) {
			if (!path.isBlank()) {
				prefixes.addAll(readFile(Path.of(path.strip()), json));
			}
		}
		return new PublishedRanges(prefixes);
	}

	boolean contains(InetAddress address) {
		return prefixes.stream().anyMatch(prefix -> prefix.contains(address));
	}

	private static List<Prefix> readFile(Path file, JsonMapper json) {
		JsonNode root;
		try {
			root = json.readTree(Files.readString(file));
		}
		catch (IOException | JacksonException ex) {
			throw refused(file, "cannot be read as JSON (" + ex.getMessage() + ")");
		}
		if (!root.path("prefixes").isArray()) {
			throw refused(file, "has no \"prefixes\" list");
		}
		List<Prefix> prefixes = new ArrayList<>();
		for (JsonNode entry : root.path("prefixes")) {
			String text = entry.has("ipv4Prefix") ? entry.path("ipv4Prefix").asString()
					: entry.path("ipv6Prefix").asString();
			prefixes.add(Prefix.parse(text)
				.orElseThrow(() -> refused(file, "lists \"" + text + "\", which is not an address range")));
		}
		return prefixes;
	}

	private static StartRefused refused(Path file, String problem) {
		return new StartRefused("The crawler ranges file " + file + " " + problem + ".",
				"Point BACKSTORY_VERIFIED_CRAWLER_RANGES at files downloaded from the search engines (such as Google's "
						+ "googlebot.json), or leave it empty.");
	}

	/** One range: the network's bytes and how many leading bits count. */
	private record Prefix(byte[] network, int bits) {

		static Optional<Prefix> parse(String text) {
			int slash = text.indexOf('/');
			String address = slash < 0 ? text : text.substring(0, slash);
			return IpAddresses.parse(address).flatMap(parsed -> {
				int max = parsed.getAddress().length * 8;
				int bits;
				try {
					bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
				return bits < 0 || bits > max ? Optional.empty() : Optional.of(new Prefix(parsed.getAddress(), bits));
			});
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			for (int i = 0; i < bytes.length; i++) {
				int keep = Math.max(0, Math.min(8, bits - i * 8));
				int mask = (0xff << (8 - keep)) & 0xff;
				if ((bytes[i] & mask) != (network[i] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
