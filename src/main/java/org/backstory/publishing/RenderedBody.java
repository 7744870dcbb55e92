package org.backstory.publishing;

/**
 * An article body rendered and split at save time.
 *
 * @param previewHtml sanitised HTML every reader may see
 * @param gatedHtml sanitised HTML after the preview, empty when the preview is the whole article
 */
record RenderedBody(String previewHtml, String gatedHtml) {
}
