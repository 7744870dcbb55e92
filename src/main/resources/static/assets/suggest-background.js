// The editor's "Suggest background" panel: "Insert a linked recap line" writes the suggestion's sentence into the
// background (the #background pane when the editor has one, else the body's "Before you read" section, else the
// body at the cursor), and the panel is fetched again when the storyline, title, dek, tags or text change.
// Plain ES2020, no build step.
(() => {
	"use strict";

	const root = document.querySelector("section.editor");
	const form = document.getElementById("article-form");
	if (!root || !form || !root.querySelector(".suggest-background")) {
		return;
	}
	const BACKGROUND_HEADING = /^ {0,3}##[ \t]+before you read[ \t:.]*#*[ \t]*$/im;
	const NEXT_HEADING = /^ {0,3}##(?!#)/m;
	let refreshing = null;

	function panel() {
		return root.querySelector(".suggest-background");
	}

	function target() {
		return document.getElementById("background") || document.getElementById("body");
	}

	// Where the body's "Before you read" section runs: after its heading line, up to the next H2 or the end.
	function backgroundRange(text) {
		const heading = BACKGROUND_HEADING.exec(text);
		if (!heading) {
			return null;
		}
		const start = heading.index + heading[0].length;
		const next = NEXT_HEADING.exec(text.slice(start + 1));
		return { start, end: next ? start + 1 + next.index : text.length };
	}

	function insert(line) {
		const field = target();
		let at = field.selectionStart;
		let to = field.selectionEnd;
		let paragraph = false;
		const range = field.id === "body" ? backgroundRange(field.value) : null;
		if (range && (at < range.start || at > range.end)) {
			// The cursor is outside the background: the line ends the section, as a paragraph of its own.
			at = to = range.start + field.value.slice(range.start, range.end).trimEnd().length;
			paragraph = true;
		}
		const before = field.value.slice(0, at);
		const after = field.value.slice(to);
		const lead = before === "" || /\s$/.test(before) ? "" : paragraph ? "\n\n" : " ";
		const trail = after === "" || /^\s/.test(after) ? "" : " ";
		field.setRangeText(lead + line + trail, at, to, "end");
		field.focus();
		field.dispatchEvent(new Event("input", { bubbles: true }));
		refresh();
	}

	function refresh() {
		if (refreshing) {
			refreshing.abort();
		}
		refreshing = new AbortController();
		const data = new URLSearchParams(new FormData(form));
		data.delete("_csrf");
		fetch("/admin/articles/background-suggestions", {
			method: "POST",
			headers: { [root.dataset.csrfHeader]: root.dataset.csrfToken, "Accept": "text/html" },
			body: data,
			credentials: "same-origin",
			signal: refreshing.signal,
		})
			.then((response) => (response.ok ? response.text() : null))
			.then((html) => {
				if (html) {
					panel().outerHTML = html;
				}
			})
			.catch(() => {
				// Aborted by a newer refresh, or the site did not answer: the panel shown stays.
			});
	}

	root.addEventListener("click", (event) => {
		const button = event.target.closest(".suggest-background button");
		if (!button) {
			return;
		}
		if (button.classList.contains("insert-recap")) {
			insert(button.dataset.recap);
		}
		else if (button.classList.contains("refresh-suggestions")) {
			refresh();
		}
	});
	["storyline", "title", "dek", "tags", "body", "background", "now"].forEach((id) => {
		const field = document.getElementById(id);
		if (field) {
			field.addEventListener("change", refresh);
		}
	});
})();
