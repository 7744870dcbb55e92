package org.backstory.access;

/**
 * What a gift link did for the page it was opened on: the sentence to show the reader, in
 * a box that offers a subscription either way.
 *
 * @param opened whether the link opened the article whole
 * @param sentence who gifted the article, or why the link did not open it
 */
public record GiftNote(boolean opened, String sentence) {
}
