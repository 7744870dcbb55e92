package org.backstory.newsletters;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The body of an emailed article (the sanitised HTML a {@code ReadableArticle} carries)
 * made ready for mail: every link and image absolute, every element styled inline, house
 * sections as shaded one-cell tables, and no {@code %%} left to pass for a placeholder.
 * Its plain text comes from the same tree.
 *
 * @param html the body for the HTML part
 * @param text the body for the plain-text part
 */
record EmailBody(String html, String text) {

	/**
	 * The width of the email's text column in CSS pixels: the 600px column less its side
	 * padding.
	 */
	static final int CONTENT_WIDTH = 536;

	static EmailBody of(String bodyHtml, EmailLinks links, EmailStyles styles) {
		Document document = Jsoup.parseBodyFragment(bodyHtml);
		document.outputSettings().prettyPrint(false);
		Element body = document.body();
		absolutize(body, links);
		String text = PlainText.of(body);
		houseSections(body, styles);
		style(body, styles);
		return new EmailBody(LiteralPercents.inHtml(body.html()), LiteralPercents.inText(text));
	}

	private static void absolutize(Element body, EmailLinks links) {
		for (Element link : body.select("a[href]")) {
			String href = links.absolute(link.attr("href"));
			if (href == null) {
				link.removeAttr("href");
			}
			else {
				link.attr("href", href);
			}
		}
		for (Element image : body.select("img")) {
			String src = links.absolute(image.attr("src"));
			if (src == null) {
				image.remove();
			}
			else {
				image.attr("src", src);
			}
		}
	}

	/**
	 * Mail clients style {@code section} unevenly, so each house section becomes a
	 * one-cell table.
	 */
	private static void houseSections(Element body, EmailStyles styles) {
		for (Element section : body.select("section[class]")) {
			Element box = new Element("table").attr("role", "presentation")
				.attr("width", "100%")
				.attr("cellpadding", "0")
				.attr("cellspacing", "0")
				.attr("border", "0")
				.addClass("bs-panel")
				.attr("style", styles.houseBox(section.className()));
			Element cell = box.appendElement("tr").appendElement("td").attr("style", styles.houseCell());
			cell.appendChildren(List.copyOf(section.childNodes()));
			Element label = cell.firstElementChild();
			if (label != null && label.nameIs("h2")) {
				label.attr("style", styles.houseLabel());
			}
			section.replaceWith(box);
		}
	}

	private static void style(Element body, EmailStyles styles) {
		for (Element element : body.getAllElements()) {
			if (element == body || element.hasAttr("style")) {
				continue;
			}
			String tag = element.normalName();
			String style = tag.equals("code") && element.parent() != null && element.parent().nameIs("pre")
					? styles.codeInBlock() : styles.of(tag);
			if (style == null) {
				continue;
			}
			if (tag.equals("th") || tag.equals("td")) {
				style += "text-align:" + alignment(element) + ";";
			}
			element.attr("style", style);
			switch (tag) {
				case "img" -> image(element);
				case "table" -> element.attr("width", "100%").attr("cellpadding", "0").attr("cellspacing", "0");
				default -> {
				}
			}
		}
		for (Element container : body.select("td, blockquote, li, figure")) {
			Element last = container.lastElementChild();
			if (last != null && !last.nameIs("img")) {
				last.attr("style", last.attr("style") + "margin-bottom:0;");
			}
		}
	}

	/**
	 * A table cell's alignment, from Markdown's column alignment; only the three it
	 * writes are let through.
	 */
	private static String alignment(Element cell) {
		String align = cell.attr("align");
		return align.equals("center") || align.equals("right") ? align : "left";
	}

	/**
	 * Images never overflow the column, even in clients that ignore {@code max-width}.
	 */
	private static void image(Element image) {
		image.removeAttr("loading");
		if (!image.hasAttr("alt")) {
			image.attr("alt", "");
		}
		String width = image.attr("width");
		if (width.matches("\\d{1,5}") && Integer.parseInt(width) > CONTENT_WIDTH) {
			image.attr("width", Integer.toString(CONTENT_WIDTH)).removeAttr("height");
		}
	}

}
