package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.backstory.access.AccessDecision.Remedy;
import org.backstory.access.PaywallBox;
import org.backstory.access.PaywallBox.Action;
import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.GatedBody;
import org.backstory.publishing.Publication;
import org.backstory.publishing.StorylineRef;
import org.backstory.publishing.Visibility;
import org.backstory.shared.BackstoryProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class EditionRendererTests {

	static final String BASE = "https://news.example";

	static final String PREVIEW = """
			<section class="before-you-read"><h2>Before you read</h2><p>Some context first.</p></section>\
			<p>Free opening with <a href="/p/earlier-story" rel="nofollow noopener">an earlier story</a>, \
			<a href="follow-up">a follow-up</a> and <a href="https://elsewhere.example/x">a source</a>.</p>\
			<h2>The numbers</h2><h3>In detail</h3>\
			<p><img src="/media/chart.png" alt="A chart" width="1200" height="800" loading="lazy"></p>\
			<blockquote><p>A quoted line.</p></blockquote>\
			<ul><li>First point</li><li>Second point</li></ul><ol><li>Step one</li><li>Step two</li></ol>\
			<pre><code>let x = 1;\nlet y = 2;</code></pre><p>Inline <code>code</code> too.</p>\
			<table><thead><tr><th>Year</th><th align="right">Tons</th></tr></thead>\
			<tbody><tr><td>2025</td><td align="right">12</td></tr></tbody></table><hr>\
			<figure><img src="https://cdn.example/photo.jpg" alt="A harbour"><figcaption>The harbour.</figcaption></figure>\
			<section class="whats-going-on-now"><h2>What's going on now</h2><p>Talks resume Monday.</p></section>""";

	static final String GATED = "<p>Gated paragraph only for payers.</p>";

	static final PaywallBox BOX = new PaywallBox(Remedy.SUBSCRIBE_OR_LOG_IN, "Subscribe to keep reading",
			"This article is for paying subscribers.", new Action("Subscribe", "/subscribe?next=%2Fp%2Fharbour-deal"),
			new Action("Already a subscriber? Log in", "/login?next=%2Fp%2Fharbour-deal"), "Check your card on file.");

	static final Newsletter NEWSLETTER = new Newsletter(1, "weekly", "The Weekly Harbour", "Every Friday.",
			"Harbour News", "news@news.example", null, true);

	static final Publication PUBLICATION = new Publication("Harbour News", "Ports and people", "#0a6e5c",
			"/assets/logo.png", "Harbour News Ltd", "1 Quay Street\nPortsmouth PO1 2AB\nUnited Kingdom");

	final EditionRenderer renderer = new EditionRenderer(
			new BackstoryProperties(URI.create(BASE), Path.of("target"), null),
			TemplateEngine.createPrecompiled(ContentType.Html));

	static Article article(String title, String preview, boolean onSite) {
		Instant published = Instant.parse("2026-11-27T08:00:00Z");
		return new Article(7, "harbour-deal", title, "What the deal means for the port.",
				List.of(new AuthorRef("ana", "Ana Lima"), new AuthorRef("ben", "Ben Ode")), List.of(),
				new StorylineRef("harbour", "The Harbour Deal", 2), "/media/cover.jpg", published, published,
				Visibility.paid(), preview, GatedBody.of(GATED), onSite);
	}

	static ReadableArticle complete(Article article) {
		return new ReadableArticle(article,
				article.previewHtml() + "<div class=\"paywalled-content\">" + GATED + "</div>", true, null, null);
	}

	static ReadableArticle preview(Article article) {
		return new ReadableArticle(article, article.previewHtml(), false, BOX, null);
	}

	EditionContent render(ReadableArticle readable) {
		return renderer.render(NEWSLETTER, readable, PUBLICATION);
	}

	@Test
	void theSubjectIsTheTitleAndTheCompleteEditionCarriesTheGatedParagraph() {
		EditionContent content = render(complete(article("The harbour deal", PREVIEW, true)));

		assertThat(content.subject()).isEqualTo("The harbour deal");
		assertThat(content.html()).contains("Gated paragraph only for payers.");
		assertThat(content.text()).contains("Gated paragraph only for payers.");
		assertThat(Jsoup.parse(content.html()).select("table.bs-box")).isEmpty();
		assertThat(content.text()).doesNotContain("Subscribe:");
	}

	@Test
	void thePreviewEditionHasNoGatedTextButTheBoxWithAbsoluteLinks() {
		EditionContent content = render(preview(article("The harbour deal", PREVIEW, true)));

		assertThat(content.html()).doesNotContain("Gated").doesNotContain("payers");
		assertThat(content.text()).doesNotContain("Gated").doesNotContain("payers");
		Element box = Jsoup.parse(content.html()).selectFirst("table.bs-box");
		assertThat(box.select("h2").text()).isEqualTo("Subscribe to keep reading");
		assertThat(box.select("a[href=" + BASE + "/subscribe?next=%2Fp%2Fharbour-deal]").text()).isEqualTo("Subscribe");
		assertThat(box.select("a[href=" + BASE + "/login?next=%2Fp%2Fharbour-deal]").text())
			.isEqualTo("Already a subscriber? Log in");
		assertThat(content.text()).contains("Subscribe to keep reading",
				"Subscribe: " + BASE + "/subscribe?next=%2Fp%2Fharbour-deal",
				"Already a subscriber? Log in:\n" + BASE + "/login?next=%2Fp%2Fharbour-deal",
				"Check your card on file.");
		assertThat(content.text().lines()).allMatch(line -> line.length() <= PlainText.WIDTH || !line.contains(" "));
	}

	@Test
	void relativeLinksAndImagesBecomeAbsolute() {
		EditionContent content = render(preview(article("The harbour deal", PREVIEW, true)));

		Document html = Jsoup.parse(content.html());
		assertThat(html.select("a[href]").eachAttr("href"))
			.allMatch(href -> href.startsWith("https://") || href.startsWith("%%backstory-"))
			.contains(BASE + "/p/earlier-story", BASE + "/p/follow-up", "https://elsewhere.example/x", BASE + "/",
					BASE + "/p/harbour-deal", BASE + "/story/harbour");
		assertThat(html.select("img").eachAttr("src")).containsExactly(BASE + "/assets/logo.png",
				BASE + "/media/cover.jpg", BASE + "/media/chart.png", "https://cdn.example/photo.jpg");
		assertThat(content.text()).contains("an earlier story (" + BASE + "/p/earlier-story)", "[image: A chart]",
				"[image: A harbour]");
	}

	@Test
	void imagesFitTheColumn() {
		Document html = Jsoup.parse(render(preview(article("The harbour deal", PREVIEW, true))).html());

		Element chart = html.selectFirst("img[alt=A chart]");
		assertThat(chart.attr("width")).isEqualTo("536");
		assertThat(chart.hasAttr("height")).isFalse();
		assertThat(chart.hasAttr("loading")).isFalse();
		assertThat(html.select("img")).allSatisfy(img -> assertThat(img.attr("style")).contains("border:0"));
		assertThat(html.select("td img")).allSatisfy(
				img -> assertThat(img.attr("style")).containsAnyOf("max-width:100%", "max-width:536px", "height:40px"));
		assertThat(html.selectFirst("img[src$=cover.jpg]").attr("width")).isEqualTo("536");
	}

	@Test
	void everyElementOfTheBodyCarriesItsStyleInline() {
		Document html = Jsoup.parse(render(preview(article("The harbour deal", PREVIEW, true))).html());

		assertThat(html.select("p")).isNotEmpty().allSatisfy(p -> assertThat(p.attr("style")).isNotBlank());
		for (String tag : List.of("h1", "h2", "h3", "blockquote", "ul", "ol", "li", "a", "img", "pre", "code", "table",
				"th", "td", "hr", "figure", "figcaption")) {
			assertThat(html.select(tag)).as(tag)
				.isNotEmpty()
				.allSatisfy(e -> assertThat(e.attr("style")).as(tag).isNotBlank());
		}
		assertThat(html.selectFirst("th[align=right]").attr("style")).contains("text-align:right");
		assertThat(html.select("link[rel=stylesheet]")).isEmpty();
		assertThat(html.select("style")).hasSize(1);
		assertThat(html.selectFirst("style").data()).contains("prefers-color-scheme: dark");
		assertThat(html.select("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
		assertThat(html.select("meta[name=supported-color-schemes]").attr("content")).isEqualTo("light dark");
	}

	@Test
	void theLayoutIsACentredTableColumnOf600Pixels() {
		Document html = Jsoup.parse(render(preview(article("The harbour deal", PREVIEW, true))).html());

		Element column = html.selectFirst("table[role=presentation][width=600]");
		assertThat(column.attr("style")).contains("max-width:600px", "border-top:4px solid #0a6e5c");
		assertThat(column.parent().attr("align")).isEqualTo("center");
		assertThat(column.select("td p:contains(Free opening)")).hasSize(1);
		assertThat(column.select("a[href=" + BASE + "/]").text()).isEqualTo("Harbour News");
	}

	@Test
	void theHouseSectionsBecomeShadedBoxes() {
		Document html = Jsoup.parse(render(preview(article("The harbour deal", PREVIEW, true))).html());

		assertThat(html.select("section")).isEmpty();
		List<Element> boxes = html.select("table.bs-panel");
		assertThat(boxes).hasSize(2);
		assertThat(boxes.get(0).attr("style")).contains("background-color:#f5f1ea", "border-left:4px solid #0a6e5c");
		assertThat(boxes.get(0).select("h2").attr("style")).contains("text-transform:uppercase");
		assertThat(boxes.get(0).text()).contains("Before you read", "Some context first.");
		assertThat(boxes.get(1).text()).contains("What's going on now", "Talks resume Monday.");
	}

	@Test
	void theTitleBlockHasKickerLinkedTitleDekBylineAndDate() {
		Document html = Jsoup.parse(render(preview(article("The harbour deal", PREVIEW, true))).html());

		assertThat(html.selectFirst("h1 a").attr("href")).isEqualTo(BASE + "/p/harbour-deal");
		assertThat(html.selectFirst("h1").text()).isEqualTo("The harbour deal");
		assertThat(html.select("a[href=" + BASE + "/story/harbour]").text()).isEqualTo("Part 2 of The Harbour Deal");
		assertThat(html.text()).contains("What the deal means for the port.",
				"By Ana Lima and Ben Ode · 27 November 2026");
	}

	@Test
	void anEmailOnlyArticleLinksToNoPageOfItsOwn() {
		EditionContent content = render(preview(article("The harbour deal", PREVIEW, false)));

		Document html = Jsoup.parse(content.html());
		assertThat(html.selectFirst("h1").select("a")).isEmpty();
		assertThat(content.text()).doesNotContain("View it online");
		assertThat(render(preview(article("The harbour deal", PREVIEW, true))).text())
			.contains("View it online: " + BASE + "/p/harbour-deal");
	}

	@Test
	void theFooterHasThePlaceholdersTheReasonAndThePostalAddressInBothParts() {
		EditionContent content = render(preview(article("The harbour deal", PREVIEW, true)));

		Document html = Jsoup.parse(content.html());
		assertThat(html.select("a:contains(Unsubscribe)").attr("href")).isEqualTo(Personalization.UNSUBSCRIBE_URL);
		assertThat(html.select("a:contains(Manage preferences)").attr("href"))
			.isEqualTo(Personalization.PREFERENCES_URL);
		assertThat(html.text()).contains(
				"You're receiving The Weekly Harbour from Harbour News because you subscribed.",
				"Sent to " + Personalization.ADDRESS, "Harbour News Ltd", "1 Quay Street", "Portsmouth PO1 2AB",
				"United Kingdom");
		assertThat(content.text()).contains("You're receiving The Weekly Harbour from Harbour News because you",
				"Unsubscribe: " + Personalization.UNSUBSCRIBE_URL,
				"Manage preferences: " + Personalization.PREFERENCES_URL, "Sent to " + Personalization.ADDRESS,
				"Harbour News Ltd\n1 Quay Street\nPortsmouth PO1 2AB\nUnited Kingdom");
	}

	@Test
	void thePlainTextReadsLikeTheArticle() {
		String text = render(complete(article("The harbour deal", PREVIEW, true))).text();

		assertThat(text).contains("The harbour deal\n================", "The numbers\n===========",
				"In detail\n---------", "- First point\n- Second point", "1. Step one\n2. Step two", "> A quoted line.",
				"let x = 1;\nlet y = 2;", "Year | Tons\n2025 | 12", "(https://elsewhere.example/x)",
				"\n\nFree opening with", "\n\nThe harbour.\n\n");
		assertThat(text.lines()).allMatch(line -> line.length() <= PlainText.WIDTH || !line.contains(" "));
		assertThat(text).doesNotContain("<p>", "&amp;", "&#");
	}

	@Test
	void percentSignsInTheArticleAreNeverTakenForPlaceholders() {
		String trap = Personalization.UNSUBSCRIBE_URL;
		Article article = article("Title with " + trap + " and 100%% sure",
				"<p>Body mentions " + trap + " and " + Personalization.ADDRESS + " and %%% odd.</p>", true);
		EditionContent content = render(complete(article));
		Personalization recipient = new Personalization("https://news.example/u/secret",
				"https://news.example/prefs/secret", "reader@example.com");

		String html = recipient.html(content.html());
		String text = recipient.text(content.text());

		assertThat(html.split("u/secret", -1)).hasSize(2);
		assertThat(html.split("reader@example.com", -1)).hasSize(2);
		assertThat(text.split("u/secret", -1)).hasSize(2);
		assertThat(text.split("reader@example.com", -1)).hasSize(2);
		Document document = Jsoup.parse(html);
		assertThat(document.selectFirst("h1").text()).isEqualTo("Title with " + trap + " and 100%% sure");
		assertThat(document.selectFirst("p:contains(Body mentions)").text())
			.isEqualTo("Body mentions " + trap + " and " + Personalization.ADDRESS + " and %%% odd.");
		assertThat(text.replace("\u2060", "")).contains("Body mentions " + trap,
				Personalization.ADDRESS + " and %%% odd.", "Title with " + trap);
	}

}
