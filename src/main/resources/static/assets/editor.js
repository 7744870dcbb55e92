// The article editor: toolbar, live preview rendered by the server, a word count per pane (opening or
// free-standing body, background, now part), autosave of drafts, a presence heartbeat, and image uploads.
// Plain ES2020, no build step.
(() => {
	"use strict";

	const root = document.querySelector("section.editor");
	if (!root) {
		return;
	}
	const form = document.getElementById("article-form");
	const panes = ["body", "background", "now"].map((name) => form.querySelector("textarea[name=" + name + "]"));
	// The toolbar writes into the pane the writer was last in.
	let body = panes[0];
	const preview = root.querySelector(".preview-body");
	const previewWarning = root.querySelector(".preview-warning");
	const saveState = root.querySelector(".save-state");
	const presence = root.querySelector(".presence-live");
	const csrfHeader = root.dataset.csrfHeader;
	const csrfToken = root.dataset.csrfToken;
	const autosaveOn = root.dataset.autosave === "true";
	const IDLE_BEFORE_AUTOSAVE = 3000;
	const IDLE_BEFORE_PREVIEW = 400;
	const HEARTBEAT = 30000;

	const BLOCKS = {
		"paywall": "<!-- paywall -->\n\n",
	};

	let dirty = false;
	let stopped = root.dataset.conflict === "true";
	let autosaveTimer = null;
	let previewTimer = null;
	let saving = false;

	function articleId() {
		return form.elements.id.value;
	}

	function post(url, data) {
		const headers = { [csrfHeader]: csrfToken, "Accept": "application/json" };
		return fetch(url, { method: "POST", headers, body: data, credentials: "same-origin" });
	}

	function formData() {
		const data = new URLSearchParams(new FormData(form));
		data.delete("_csrf");
		return data;
	}

	// Toolbar

	function replaceSelection(text, selectFrom, selectTo) {
		const start = body.selectionStart;
		const end = body.selectionEnd;
		body.setRangeText(text, start, end, "end");
		if (selectFrom !== undefined) {
			body.setSelectionRange(start + selectFrom, start + selectTo);
		}
		body.focus();
		changed();
	}

	function selected() {
		return body.value.substring(body.selectionStart, body.selectionEnd);
	}

	function wrap(marker) {
		const text = selected() || "text";
		replaceSelection(marker + text + marker, marker.length, marker.length + text.length);
	}

	function prefixLines(prefix) {
		const lineStart = body.value.lastIndexOf("\n", body.selectionStart - 1) + 1;
		body.setSelectionRange(lineStart, body.selectionEnd);
		const lines = (selected() || "").split("\n").map((line) => prefix + line).join("\n");
		replaceSelection(lines);
	}

	function insertBlock(block) {
		const before = body.value.substring(0, body.selectionStart);
		const gap = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
		replaceSelection(gap + block);
	}

	function link() {
		const text = selected() || "link text";
		const url = window.prompt("Link address", "https://");
		if (url) {
			replaceSelection("[" + text + "](" + url + ")");
		}
	}

	function upload(fileInput, done) {
		const file = fileInput.files[0];
		if (!file) {
			return;
		}
		const data = new FormData();
		data.append("file", file);
		saveState.textContent = "Uploading " + file.name + "…";
		post("/admin/media", data)
			.then((response) => response.json().then((json) => {
				if (!response.ok) {
					// The media endpoint says why in "error": not an image, too large, absurd dimensions.
					throw new Error(json.error || "The image was not uploaded");
				}
				return json;
			}))
			.then((json) => {
				const url = json.url.startsWith("/") ? window.location.origin + json.url : json.url;
				done(url, json.markdown || "![](" + url + ")");
				saveState.textContent = "Uploaded " + file.name;
			})
			.catch((error) => {
				saveState.textContent = error.message === "Failed to fetch" ? "The image was not uploaded: the site did not answer" : error.message;
			})
			.finally(() => {
				fileInput.value = "";
			});
	}

	root.querySelectorAll(".toolbar button").forEach((button) => {
		button.addEventListener("click", () => {
			const d = button.dataset;
			if (d.wrap) {
				wrap(d.wrap);
			}
			else if (d.line) {
				prefixLines(d.line);
			}
			else if (d.block) {
				insertBlock(BLOCKS[d.block]);
			}
			else if (d.action === "link") {
				link();
			}
			else if (d.action === "image") {
				root.querySelector(".image-file").click();
			}
		});
	});
	root.querySelector(".image-file").addEventListener("change", (event) => {
		upload(event.target, (url, markdown) => insertBlock(markdown + "\n\n"));
	});
	const coverButton = root.querySelector("button[data-action=cover]");
	coverButton.addEventListener("click", () => root.querySelector(".cover-file").click());
	root.querySelector(".cover-file").addEventListener("change", (event) => {
		upload(event.target, (url) => {
			form.elements.coverImageUrl.value = url;
			changed();
		});
	});

	// Preview and word count

	function countWords() {
		panes.forEach((pane) => {
			const words = pane.value.replace(/<!--[\s\S]*?-->/g, " ").match(/[\p{L}\p{N}'’-]+/gu);
			const n = words ? words.length : 0;
			root.querySelector(".word-count[data-for=" + pane.name + "]").textContent = n + (n === 1 ? " word" : " words");
		});
	}

	function refreshPreview() {
		const data = new URLSearchParams();
		panes.forEach((pane) => data.set(pane.name, pane.value));
		data.set("visibility", form.elements.visibility.value);
		post("/admin/articles/preview", data)
			.then((response) => response.json())
			.then((json) => {
				previewWarning.textContent = json.warning || "";
				previewWarning.hidden = !json.warning;
				if (json.html !== undefined) {
					preview.innerHTML = json.html;
				}
				else if (json.message) {
					preview.textContent = json.message;
				}
			})
			.catch(() => {
				preview.textContent = "The preview is not available right now.";
			});
	}

	// Autosave

	function autosave() {
		if (!autosaveOn || stopped || saving || !dirty) {
			return;
		}
		if (form.elements.title.value.trim() === "" || panes.every((pane) => pane.value.trim() === "")) {
			return;
		}
		if (form.elements.slug.value.trim() === "") {
			form.elements.slug.value = slugOf(form.elements.title.value);
		}
		saving = true;
		dirty = false;
		saveState.textContent = "Saving…";
		post("/admin/articles/autosave", formData())
			.then((response) => response.json().then((json) => ({ status: response.status, json })))
			.then(({ status, json }) => {
				if (status === 200) {
					const isNew = articleId() === "";
					form.elements.id.value = json.id;
					form.elements.version.value = json.version;
					saveState.textContent = "Saved " + json.savedAt;
					if (isNew) {
						form.action = json.editUrl;
						root.dataset.articleId = json.id;
						window.history.replaceState(null, "", json.editUrl);
						startHeartbeat();
					}
				}
				else if (status === 409) {
					stopped = true;
					saveState.textContent = json.message;
					saveState.classList.add("conflict");
				}
				else {
					dirty = true;
					saveState.textContent = json.message || "Not saved.";
				}
			})
			.catch(() => {
				dirty = true;
				saveState.textContent = "Not saved: the server could not be reached.";
			})
			.finally(() => {
				saving = false;
			});
	}

	function slugOf(title) {
		return title.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
			.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").substring(0, 100).replace(/-+$/, "");
	}

	function changed() {
		dirty = true;
		countWords();
		clearTimeout(previewTimer);
		previewTimer = setTimeout(refreshPreview, IDLE_BEFORE_PREVIEW);
		clearTimeout(autosaveTimer);
		autosaveTimer = setTimeout(autosave, IDLE_BEFORE_AUTOSAVE);
	}

	form.addEventListener("input", changed);
	panes.forEach((pane) => pane.addEventListener("focus", () => {
		body = pane;
	}));
	form.addEventListener("submit", () => {
		clearTimeout(autosaveTimer);
		stopped = true;
	});

	// Presence

	let heartbeat = null;

	function beat() {
		if (articleId() === "") {
			return;
		}
		post("/admin/articles/" + articleId() + "/presence", new URLSearchParams())
			.then((response) => response.json())
			.then((json) => {
				const others = json.others || [];
				presence.hidden = others.length === 0;
				presence.textContent = others.join(" ");
			})
			.catch(() => {});
	}

	function startHeartbeat() {
		if (heartbeat === null && articleId() !== "") {
			heartbeat = setInterval(beat, HEARTBEAT);
		}
	}

	countWords();
	refreshPreview();
	startHeartbeat();
})();
