package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseEvent> parse(String text) throws IOException {
        SseParser parser = new SseParser(new StringReader(text));
        List<SseEvent> events = new ArrayList<>();
        Optional<SseEvent> event;
        while ((event = parser.next()).isPresent()) {
            events.add(event.get());
        }
        return events;
    }

    @Nested
    class Dispatch {

        @Test
        void whenBlankLineFollowsFieldsThenOneEventIsDispatched() throws IOException {
            assertThat(parse("event: message_start\ndata: {\"a\":1}\n\n"))
                    .containsExactly(new SseEvent("message_start", "{\"a\":1}"));
        }

        @Test
        void whenNoEventFieldThenTypeIsMessage() throws IOException {
            assertThat(parse("data: [DONE]\n\n")).containsExactly(new SseEvent("message", "[DONE]"));
        }

        @Test
        void whenSeveralDataLinesThenTheyAreJoinedWithNewlines() throws IOException {
            assertThat(parse("data: a\ndata: b\n\n")).containsExactly(new SseEvent("message", "a\nb"));
        }

        @Test
        void whenEventNameIsGivenThenItDoesNotLeakIntoTheNextEvent() throws IOException {
            assertThat(parse("event: ping\ndata: {}\n\ndata: x\n\n"))
                    .containsExactly(new SseEvent("ping", "{}"), new SseEvent("message", "x"));
        }

        @Test
        void whenLinesEndWithCrLfThenEventsAreParsed() throws IOException {
            assertThat(parse("event: e\r\ndata: d\r\n\r\n")).containsExactly(new SseEvent("e", "d"));
        }

        @Test
        void whenNoSpaceFollowsTheColonThenValueIsTakenAsIs() throws IOException {
            assertThat(parse("data:x\n\n")).containsExactly(new SseEvent("message", "x"));
        }

        @Test
        void whenValueStartsWithTwoSpacesThenOnlyOneIsRemoved() throws IOException {
            assertThat(parse("data:  x\n\n")).containsExactly(new SseEvent("message", " x"));
        }
    }

    @Nested
    class Ignored {

        @Test
        void whenCommentsIdAndRetryAppearThenTheyAreIgnored() throws IOException {
            assertThat(parse(": keep-alive\nid: 7\nretry: 100\ndata: x\n\n"))
                    .containsExactly(new SseEvent("message", "x"));
        }

        @Test
        void whenOnlyCommentsAndBlankLinesThenNoEvent() throws IOException {
            assertThat(parse(": ping\n\n\n: ping\n\n")).isEmpty();
        }

        @Test
        void whenStreamEndsInsideAnEventThenThatEventIsDiscarded() throws IOException {
            assertThat(parse("data: whole\n\nevent: cut\ndata: {\"par"))
                    .containsExactly(new SseEvent("message", "whole"));
        }

        @Test
        void whenStreamIsEmptyThenNoEvent() throws IOException {
            assertThat(parse("")).isEmpty();
        }
    }
}
