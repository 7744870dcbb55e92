package org.backstory.members.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The bundled list of the most common leaked passwords,
 * {@code members/common-passwords.txt} (its header names the source and the licence),
 * read once. Checked offline: no password leaves the app.
 */
final class CommonPasswords {

	private static final String RESOURCE = "/members/common-passwords.txt";

	private static final Set<String> LIST = load();

	private CommonPasswords() {
	}

	/**
	 * Whether {@code password}, lower-cased and without surrounding spaces, is on the
	 * list.
	 */
	static boolean contains(String password) {
		return LIST.contains(password);
	}

	private static Set<String> load() {
		try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the build");
			}
			Set<String> list = new HashSet<>(32_768);
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					list.add(line);
				}
			}
			return Set.copyOf(list);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
