package dev.navi.llm.internal;

import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** How a protocol's replies are read: one JSON document, or a stream of events. */
record ReplyFormat(Function<JsonNode, ParsedReply> document, Supplier<StreamAssembler> streamAssemblers) {}
