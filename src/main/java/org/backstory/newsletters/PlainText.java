package org.backstory.newsletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes article HTML as readable plain text: blocks separated by blank lines, headings
 * underlined, list items after "- " or their number, quotes after "> ", links as "text
 * (url)", images as "[image: alt]", and prose wrapped at {@value #WIDTH} characters (a
 * long URL keeps a line of its own rather than break).
 */
final class PlainText {

	static final int WIDTH = 76;

	private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
			"blockquote", "pre", "hr", "table", "figure", "figcaption", "section", "div", "article", "aside", "header",
			"footer", "dl", "dt", "dd");

	private final List<String> blocks = new ArrayList<>();

	private final int width;

	private PlainText(int width) {
		this.width = width;
	}

	/** The text of everything inside {@code root}. */
	static String of(Element root) {
		return of(root, WIDTH);
	}

	/**
	 * {@code text} wrapped at {@value #WIDTH} characters, keeping its own line breaks.
	 */
	static String wrap(String text) {
		return wrap(text, WIDTH);
	}

	private static String of(Element root, int width) {
		PlainText text = new PlainText(Math.max(width, 20));
		text.blocksIn(root);
		return String.join("\n\n", text.blocks);
	}

	private void blocksIn(Element parent) {
		StringBuilder run = new StringBuilder();
		for (Node child : parent.childNodes()) {
			if (child instanceof Element element && BLOCKS.contains(element.normalName())) {
				paragraph(run);
				block(element);
			}
			else {
				inline(child, run);
			}
		}
		paragraph(run);
	}

	private void block(Element element) {
		switch (element.normalName()) {
			case "h1", "h2" -> heading(element, '=');
			case "h3", "h4", "h5", "h6" -> heading(element, '-');
			case "ul", "ol" -> list(element);
			case "blockquote" -> add(prefixed(of(element, width - 2), "> ", "> "));
			case "pre" -> add(element.wholeText().stripTrailing());
			case "hr" -> add("* * *");
			case "table" -> table(element);
			default -> blocksIn(element);
		}
	}

	private void heading(Element heading, char underline) {
		String text = inlineText(heading);
		if (!text.isEmpty()) {
			add(wrap(text, width) + "\n" + String.valueOf(underline).repeat(Math.min(text.length(), width)));
		}
	}

	private void list(Element list) {
		List<String> items = new ArrayList<>();
		int number = list.nameIs("ol") && list.attr("start").matches("\\d{1,6}") ? Integer.parseInt(list.attr("start"))
				: 1;
		for (Element item : list.children()) {
			String marker = list.nameIs("ol") ? (number++) + ". " : "- ";
			PlainText inner = new PlainText(width - marker.length());
			inner.blocksIn(item);
			items.add(prefixed(String.join("\n", inner.blocks), marker, " ".repeat(marker.length())));
		}
		add(String.join("\n", items));
	}

	private void table(Element table) {
		List<String> rows = new ArrayList<>();
		for (Element row : table.select("tr")) {
			rows.add(String.join(" | ", row.children().stream().map(PlainText::inlineText).toList()));
		}
		add(String.join("\n", rows));
	}

	private void paragraph(StringBuilder run) {
		String text = tidy(run.toString());
		run.setLength(0);
		if (!text.isEmpty()) {
			add(wrap(text, width));
		}
	}

	private void add(String block) {
		if (!block.isBlank()) {
			blocks.add(block);
		}
	}

	private static String inlineText(Element element) {
		StringBuilder out = new StringBuilder();
		element.childNodes().forEach(child -> inline(child, out));
		return tidy(out.toString());
	}

	private static void inline(Node node, StringBuilder out) {
		if (node instanceof TextNode text) {
			out.append(text.text());
		}
		else if (node instanceof Element element) {
			switch (element.normalName()) {
				case "br" -> out.append('\n');
				case "img" -> out
					.append(element.attr("alt").isBlank() ? "[image]" : "[image: " + element.attr("alt").strip() + "]");
				case "a" -> link(element, out);
				default -> element.childNodes().forEach(child -> inline(child, out));
			}
		}
	}

	private static void link(Element link, StringBuilder out) {
		String text = inlineText(link);
		String href = link.attr("href");
		out.append(text);
		if (!href.isEmpty() && !href.equals(text) && !href.equals("mailto:" + text)) {
			out.append(text.isEmpty() ? "" : " ").append('(').append(href).append(')');
		}
	}

	/** Runs of spaces as one, and no spaces at the ends of lines. */
	private static String tidy(String text) {
		return text.replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" ?\\n ?", "\n").strip();
	}

	private static String prefixed(String text, String first, String rest) {
		StringBuilder out = new StringBuilder();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String prefix = i == 0 ? first : rest;
			out.append(lines[i].isEmpty() ? prefix.stripTrailing() : prefix + lines[i])
				.append(i < lines.length - 1 ? "\n" : "");
		}
		return out.toString();
	}

	private static String wrap(String text, int width) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (String line : text.split("\n", -1)) {
			if (!out.isEmpty()) {
				out.append('\n');
			}
			int length = 0;
			for (String word : line.split(" ")) {
				if (word.isEmpty()) {
					continue;
				}
				if (length > 0 && length + 1 + word.length() > width) {
					out.append('\n');
					length = 0;
				}
				else if (length > 0) {
					out.append(' ');
					length++;
				}
				out.append(word);
				length += word.length();
			}
		}
		return out.toString();
	}

}
