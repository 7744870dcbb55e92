package org.backstory.admin.members;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Uploaded bytes as text, only when they are UTF-8: a strict decoder refuses Latin-1 and
 * UTF-16 bytes instead of turning them into replacement characters, and NUL (UTF-16 text
 * of plain letters is valid UTF-8 otherwise) is refused too. A leading byte-order mark is
 * dropped, as spreadsheets write one.
 */
public final class Utf8Text {

	private Utf8Text() {
	}

	public static Optional<String> decode(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
		if (text.indexOf('\u0000') >= 0) {
			return Optional.empty();
		}
		return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

}
