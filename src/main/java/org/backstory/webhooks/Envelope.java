package org.backstory.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes bodies in Ghost's shape, {@code {"post":{"current":{…},"previous":{…}}}}:
 * {@code previous} holds the old value of every key that changed since the last body
 * Backstory built for the same object (kept in {@code webhooks.snapshot} while some
 * active webhook listens to that kind of object, and forgotten when none does, or when
 * the member is deleted). On the first body for an object, {@code previous} is empty.
 */
@Component
class Envelope {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final HookRepository hooks;

	private final JsonMapper json;

	Envelope(HookRepository hooks, JsonMapper json) {
		this.hooks = hooks;
		this.json = json;
	}

	/**
	 * The body for a changed (or new) object, remembering it as the object's latest
	 * state.
	 */
	String changed(String kind, long id, Map<String, Object> current) {
		String currentJson = json.writeValueAsString(current);
		Map<String, Object> previous = hooks.snapshot(kind, id)
			.map(old -> changedKeys(read(old), read(currentJson)))
			.orElseGet(Map::of);
		hooks.saveSnapshot(kind, id, currentJson);
		return body(kind, current, previous);
	}

	/**
	 * The body for an object that is gone: {@code current} empty, {@code previous} the
	 * object as it was.
	 */
	String removed(String kind, long id, Map<String, Object> last) {
		hooks.deleteSnapshot(kind, id);
		return body(kind, Map.of(), last);
	}

	/**
	 * A body for an object without history (a subscription, a payment): {@code previous}
	 * is empty.
	 */
	String plain(String kind, Map<String, Object> current) {
		return body(kind, current, Map.of());
	}

	private String body(String kind, Map<String, Object> current, Map<String, Object> previous) {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("current", current);
		inner.put("previous", previous);
		return json.writeValueAsString(Map.of(kind, inner));
	}

	private Map<String, Object> read(String text) {
		return json.readValue(text, OBJECT);
	}

	private static Map<String, Object> changedKeys(Map<String, Object> old, Map<String, Object> current) {
		Map<String, Object> changed = new LinkedHashMap<>();
		current.keySet().forEach(key -> {
			if (!Objects.equals(old.get(key), current.get(key))) {
				changed.put(key, old.get(key));
			}
		});
		return changed;
	}

}
