package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backstory.members.web.MemberAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class SessionAttributeCodecTests {

	private final SessionAttributeCodec codec = new SessionAttributeCodec();

	@Test
	void aMembersSecurityContextRoundTripsInAFewBytes() {
		SignedInMember member = new SignedInMember(42, "ana@example.test", "Ana Ávila", MemberRole.EDITOR);
		SecurityContext context = new SecurityContextImpl(new MemberAuthentication(member));

		byte[] stored = codec.write(context);
		SecurityContext read = (SecurityContext) codec.read(stored);

		assertThat(stored.length).isLessThan(64);
		assertThat(read.getAuthentication()).isEqualTo(context.getAuthentication());
		assertThat(read.getAuthentication().isAuthenticated()).isTrue();
		assertThat(read.getAuthentication().getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_EDITOR");
	}

	@Test
	void aSessionsCsrfTokenRoundTripsWithoutJavaSerialisation() {
		DefaultCsrfToken token = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "4b1c6f3e-93a2-4f0e-9d7c-2f1e8a6b5c10");

		byte[] stored = codec.write(token);
		CsrfToken read = (CsrfToken) codec.read(stored);

		assertThat(stored[0]).isNotEqualTo((byte) 0xAC);
		assertThat(stored.length).isLessThan(64);
		assertThat(read).isInstanceOf(DefaultCsrfToken.class);
		assertThat(read.getHeaderName()).isEqualTo("X-XSRF-TOKEN");
		assertThat(read.getParameterName()).isEqualTo("_csrf");
		assertThat(read.getToken()).isEqualTo(token.getToken());
	}

	@Test
	void csrfTokensStoredByJavaSerialisationStillRead() {
		byte[] legacy = new SerializingConverter().convert(new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "t0k3n"));

		assertThat(((CsrfToken) codec.read(legacy)).getToken()).isEqualTo("t0k3n");
	}

	@Test
	void otherAttributesUseJavaSerialisation() {
		List<String> value = List.of("a", "b");

		assertThat(codec.read(codec.write(value))).isEqualTo(value);
		assertThat(codec.write(value)[0]).isEqualTo((byte) 0xAC);
	}

	@Test
	void contextsStoredByJavaSerialisationStillRead() {
		SecurityContext other = new SecurityContextImpl(
				new UsernamePasswordAuthenticationToken("x", null, List.of(new SimpleGrantedAuthority("ROLE_MEMBER"))));
		byte[] legacy = new SerializingConverter().convert(other);

		assertThat(((SecurityContext) codec.read(legacy)).getAuthentication().getName()).isEqualTo("x");
	}

}
