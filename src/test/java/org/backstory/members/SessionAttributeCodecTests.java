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
