package dev.navi.llm.internal;

/** One server-sent event; {@code event} is {@code "message"} when the server named none. */
record SseEvent(String event, String data) {}
