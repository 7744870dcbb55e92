package org.backstory.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.jsoup.nodes.Element;

/** Adds webhooks as staff do, over HTTP, and reads back what the answer shows once. */
public final class WebhookFixtures {

	private WebhookFixtures() {
	}

	/** A webhook as added: its id and the secret the answer showed. */
	public record AddedHook(long id, String secret) {
	}

	/** Adds a webhook through the form at {@code /admin/webhooks}. */
	public static AddedHook add(Visitor staff, String event, String targetUrl) {
		Visitor.Page page = staff.submit("/admin/webhooks", "/admin/webhooks",
				Map.of("event", event, "targetUrl", targetUrl, "name", "Test " + event));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		Element link = page.document().selectFirst("a[href^=/admin/webhooks/]");
		Element secret = page.document().selectFirst("code.webhook-secret");
		assertThat(link).isNotNull();
		assertThat(secret).isNotNull();
		return new AddedHook(Long.parseLong(link.attr("href").substring("/admin/webhooks/".length())), secret.text());
	}

	/** Deletes a webhook through its page. */
	public static void delete(Visitor staff, long id) {
		assertThat(staff.submit("/admin/webhooks/" + id, "/admin/webhooks/" + id + "/delete", Map.of()).status())
			.isEqualTo(303);
	}

}
