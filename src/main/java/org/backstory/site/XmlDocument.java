package org.backstory.site;

import java.io.StringWriter;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small streaming XML writer for the feed and the sitemap. The StAX writer escapes
 * markup characters; this also drops characters XML 1.0 cannot carry at all (most control
 * characters), which would otherwise make a whole feed unreadable because of one stray
 * byte in an article.
 */
final class XmlDocument {

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private static final Pattern NOT_XML = Pattern
		.compile("[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

	private final StringWriter out = new StringWriter();

	private final XMLStreamWriter xml;

	XmlDocument() {
		try {
			xml = FACTORY.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Opens an element, with attributes given as name-value pairs. */
	XmlDocument start(String name, String... attributes) {
		try {
			xml.writeStartElement(name);
			for (int i = 0; i < attributes.length; i += 2) {
				xml.writeAttribute(attributes[i], clean(attributes[i + 1]));
			}
			return this;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An element holding only text. */
	XmlDocument element(String name, String text, String... attributes) {
		return start(name, attributes).text(text).end();
	}

	/** An empty element. */
	XmlDocument empty(String name, String... attributes) {
		return start(name, attributes).end();
	}

	XmlDocument text(String text) {
		try {
			xml.writeCharacters(clean(text));
			return this;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	XmlDocument end() {
		try {
			xml.writeEndElement();
			return this;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Closes every open element and returns the document. */
	String finish() {
		try {
			xml.writeEndDocument();
			xml.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String clean(String text) {
		return NOT_XML.matcher(text).replaceAll("");
	}

}
