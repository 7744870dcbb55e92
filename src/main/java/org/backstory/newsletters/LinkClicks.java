package org.backstory.newsletters;

/**
 * One tracked link of a send and how it was clicked.
 *
 * @param url the link's target
 * @param clicks every click
 * @param clickers recipients who clicked it at least once
 */
public record LinkClicks(String url, int clicks, int clickers) {
}
