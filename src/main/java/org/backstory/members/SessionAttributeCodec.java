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

/**
 * How session attributes are stored. A signed-in member's security context, read on every
 * page view, is written as a few plain fields (id, email, name, role) instead of a
 * Java-serialised object graph, whose reading was the largest single cost of a signed-in
 * page view. Everything else, and anything stored by an older version, goes through Java
 * serialisation as before; the leading marker byte tells them apart (a Java serialisation
 * stream always starts with {@code 0xAC}).
 */
final class SessionAttributeCodec extends GenericConversionService {

	private static final byte MEMBER_CONTEXT = (byte) 0xB5;

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
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				out.writeByte(MEMBER_CONTEXT);
				out.writeLong(member.id());
				out.writeUTF(member.email());
				out.writeUTF(member.name());
				out.writeUTF(member.role().name());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}
		return java.convert(value);
	}

	Object read(byte[] bytes) {
		if (bytes.length == 0 || bytes[0] != MEMBER_CONTEXT) {
			return javaReader.convert(bytes);
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
			SignedInMember member = new SignedInMember(in.readLong(), in.readUTF(), in.readUTF(),
					MemberRole.valueOf(in.readUTF()));
			return new SecurityContextImpl(new MemberAuthentication(member));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
