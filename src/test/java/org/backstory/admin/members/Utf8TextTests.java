package org.backstory.admin.members;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8TextTests {

	@Test
	void utf8IsReadAndALeadingByteOrderMarkDropped() {
		byte[] bytes = "\uFEFFemail,name\nzoe@x.test,Zoë".getBytes(StandardCharsets.UTF_8);

		assertThat(Utf8Text.decode(bytes)).contains("email,name\nzoe@x.test,Zoë");
	}

	@Test
	void latin1IsRefused() {
		assertThat(Utf8Text.decode("email,name\nzoe@x.test,Zoë".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
	}

	@Test
	void utf16IsRefusedWithOrWithoutByteOrderMark() {
		assertThat(Utf8Text.decode("email\nzoe@x.test".getBytes(StandardCharsets.UTF_16))).isEmpty();
		assertThat(Utf8Text.decode("email\nzoe@x.test".getBytes(StandardCharsets.UTF_16LE))).isEmpty();
	}

}
