package org.backstory.admin.members.web;

/** An option of a filter's select: its value, its text, whether it is chosen. */
public record Choice(String value, String text, boolean selected) {
}
