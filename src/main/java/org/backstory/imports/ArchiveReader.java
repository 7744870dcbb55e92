package org.backstory.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells what an upload is and hands it to the reader for its platform: a JSON file is a
 * Ghost export, a zip with {@code posts.csv} a Substack export, a zip with one JSON file
 * a Ghost export zipped (as Ghost's own importer takes it). Anything else is refused with
 * a sentence saying what was expected.
 */
final class ArchiveReader {

	/** Where Backstory's own export archive keeps the uploaded originals. */
	private static final String ORIGINALS = "images/originals/";

	/** The member CSV at the top of Backstory's own export archive. */
	static final String MEMBERS = "members.csv";

	/** What a zip may unpack to: a bomb stops here, not in memory. */
	static final long MAX_UNPACKED = 200L * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ArchiveReader() {
	}

	static ArchivePlan read(String fileName, byte[] bytes, Set<String> tiers, Instant now) {
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return zip(fileName, bytes, tiers, now);
		}
		int first = 0;
		while (first < bytes.length && Character.isWhitespace(bytes[first])) {
			first++;
		}
		if (first < bytes.length && bytes[first] == '{') {
			return ghost(fileName, bytes, tiers, now);
		}
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			return read(fileName, Arrays.copyOfRange(bytes, 3, bytes.length), tiers, now);
		}
		return ArchivePlan.refused(ImportSource.GHOST, fileName,
				"This is neither a Ghost export (a .json file) nor a Substack export (a .zip file).");
	}

	private static ArchivePlan ghost(String fileName, byte[] bytes, Set<String> tiers, Instant now) {
		JsonNode root;
		try {
			root = JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			String where = ex.getLocation() == null ? fileName : fileName + " line " + ex.getLocation().getLineNr();
			return ArchivePlan.refused(ImportSource.GHOST, where, "This is not valid JSON: " + ex.getOriginalMessage());
		}
		return GhostExport.read(root, tiers, now);
	}

	private static ArchivePlan zip(String fileName, byte[] bytes, Set<String> tiers, Instant now) {
		Map<String, byte[]> files = new HashMap<>();
		List<SiteRestore.RestoredImage> originals = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			long unpacked = 0;
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.isDirectory() || !wanted(entry.getName())) {
					continue;
				}
				byte[] content = readUpTo(zip, MAX_UNPACKED - unpacked);
				if (content == null) {
					return ArchivePlan.refused(ImportSource.SUBSTACK, fileName, "The zip unpacks to more than "
							+ MAX_UNPACKED / 1024 / 1024 + " MB; nothing was imported.");
				}
				unpacked += content.length;
				if (entry.getName().startsWith(ORIGINALS)) {
					originals.add(new SiteRestore.RestoredImage(entry.getName(), content,
							entry.getLastModifiedTime() == null ? now : entry.getLastModifiedTime().toInstant()));
				}
				else {
					files.put(entry.getName(), content);
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return ArchivePlan.refused(ImportSource.SUBSTACK, fileName, "The zip file is damaged: " + ex.getMessage());
		}
		Map<String, byte[]> root = rooted(files);
		if (root.containsKey("posts.csv")) {
			return SubstackExport.read(root, now);
		}
		List<String> json = root.keySet()
			.stream()
			.filter(name -> name.endsWith(".json") && !name.contains("/"))
			.toList();
		if (json.size() == 1) {
			ArchivePlan plan = ghost(json.get(0), root.get(json.get(0)), tiers, now);
			SiteRestore restore = plan.restore();
			List<ImportProblem> problems = new ArrayList<>(plan.problems());
			BillingFiles billing = restore == null ? null : BillingFiles.read(root, problems);
			return new ArchivePlan(plan.source(), plan.posts(), plan.subscribers(), problems,
					restore == null ? null : restore.withImages(originals).withBilling(billing), files.get(MEMBERS));
		}
		return ArchivePlan.refused(ImportSource.SUBSTACK, fileName,
				"The zip has no posts.csv (a Substack export) and no single .json file (a Ghost export), at its top or one folder down.");
	}

	/**
	 * Only the files the readers use are unpacked: not the per-post delivery and open
	 * logs, nor the image copies of Backstory's own archive (made again from the
	 * originals); its members.csv and billing files at the top are.
	 */
	private static boolean wanted(String name) {
		String file = name.substring(name.lastIndexOf('/') + 1);
		return name.startsWith(ORIGINALS) || file.equals("posts.csv") || file.endsWith(".html")
				|| file.endsWith(".json") || (file.startsWith("email_list") && file.endsWith(".csv"))
				|| name.equals(BillingFiles.SUBSCRIPTIONS) || name.equals(BillingFiles.PAYMENTS)
				|| name.equals(BillingFiles.EVENTS) || name.equals(MEMBERS);
	}

	/**
	 * The files with the folder they share taken off, so {@code posts.csv} is found at
	 * the zip's top or one folder down, as Ghost's reader finds it.
	 */
	private static Map<String, byte[]> rooted(Map<String, byte[]> files) {
		if (files.keySet().stream().anyMatch(name -> name.equals("posts.csv") || !name.contains("/"))) {
			return files;
		}
		Map<String, byte[]> rooted = new HashMap<>();
		files.forEach((name, content) -> {
			String folder = name.substring(0, name.indexOf('/') + 1);
			if (files.containsKey(folder + "posts.csv") || name.endsWith(".json")) {
				rooted.put(name.substring(folder.length()), content);
			}
		});
		return rooted;
	}

	private static byte @Nullable [] readUpTo(InputStream in, long limit) throws IOException {
		byte[] content = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		return content.length > limit ? null : content;
	}

}
