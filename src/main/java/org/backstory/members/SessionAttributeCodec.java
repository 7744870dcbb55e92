package org.backstory.members;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.backstory.members.web.MemberAuthentication;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * How session attributes are stored. The two a signed-in page view reads, the member's
 * security context and the session's CSRF token (for the sign-out form), are written as a
 * few plain fields (id, email, name, role; header, parameter, token) instead of a
 * Java-serialised object graph: reading those was the largest single cost of a signed-in
 * page view, first the context's and then, with the context compact, the token's (each
 * Java read sets up an {@code ObjectInputStream} and resolves class descriptors).
 * Everything else, and anything stored by an older version, goes through Java
 * serialisation as before; the leading marker byte tells them apart (a Java serialisation
 * stream always starts with {@code 0xAC}).
 */
final class SessionAttributeCodec extends GenericConversionService {

	private static final byte MEMBER_CONTEXT = (byte) 0xB5;

	private static final byte CSRF_TOKEN = (byte) 0xB6;

	private final SerializingConverter java = new SerializingConverter();

	private final DeserializingConverter javaReader = new DeserializingConverter(
			SessionAttributeCodec.class.getClassLoader());

	SessionAttributeCodec() {
		addConverter(Object.class, byte[].class, this::write);
		addConverter(byte[].class, Object.class, this::read);
	}

	byte[] write(Object value) {
		if (value instanceof SecurityContext context
				&& context.getAuthentication() instanceof MemberAuthentication auth) {
			SignedInMember member = auth.getPrincipal();
			return fields(MEMBER_CONTEXT, out -> {
				out.writeLong(member.id());
				out.writeUTF(member.email());
				out.writeUTF(member.name());
				out.writeUTF(member.role().name());
			});
		}
		if (value instanceof DefaultCsrfToken token) {
			return fields(CSRF_TOKEN, out -> {
				out.writeUTF(token.getHeaderName());
				out.writeUTF(token.getParameterName());
				out.writeUTF(token.getToken());
			});
		}
		return java.convert(value);
	}

	Object read(byte[] bytes) {
		if (bytes.length == 0 || (bytes[0] != MEMBER_CONTEXT && bytes[0] != CSRF_TOKEN)) {
			return javaReader.convert(bytes);
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
			if (bytes[0] == CSRF_TOKEN) {
				return new DefaultCsrfToken(in.readUTF(), in.readUTF(), in.readUTF());
			}
			SignedInMember member = new SignedInMember(in.readLong(), in.readUTF(), in.readUTF(),
					MemberRole.valueOf(in.readUTF()));
			return new SecurityContextImpl(new MemberAuthentication(member));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] fields(byte marker, FieldWriter writer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(marker);
			writer.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	@FunctionalInterface
	private interface FieldWriter {

		void write(DataOutputStream out) throws IOException;

	}

}
