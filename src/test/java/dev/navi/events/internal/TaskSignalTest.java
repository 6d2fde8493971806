package dev.navi.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskSignalTest {

    private static final UUID TASK = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @Nested
    class Encoding {

        @Test
        void whenAnEventIsCommittedThenThePayloadIsTheTaskAndItsSeq() {
            assertThat(TaskSignal.encode(new TaskSignal.EventCommitted(TASK, 42)))
                    .isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e:42");
        }

        @Test
        void whenACancellationIsCommittedThenThePayloadIsTheTaskAndCancel() {
            assertThat(TaskSignal.encode(new TaskSignal.CancellationCommitted(TASK)))
                    .isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e:cancel");
        }

        @Test
        void whenTheSeqIsTheLargestThenThePayloadIsStillFarUnderTheLimit() {
            var payload = TaskSignal.encode(new TaskSignal.EventCommitted(TASK, Long.MAX_VALUE));

            assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
                    .isLessThan(TaskSignal.MAX_PAYLOAD_BYTES)
                    .isLessThanOrEqualTo(56);
        }
    }

    @Nested
    class Decoding {

        @Test
        void whenEncodedThenDecodedThenTheSignalComesBack() {
            var event = new TaskSignal.EventCommitted(TASK, 7);
            var cancel = new TaskSignal.CancellationCommitted(TASK);

            assertThat(TaskSignal.decode(TaskSignal.encode(event))).contains(event);
            assertThat(TaskSignal.decode(TaskSignal.encode(cancel))).contains(cancel);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "cancel",
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    "0f8fad5b-d9cb-469f-a165-70867728950e:",
                    "0f8fad5b-d9cb-469f-a165-70867728950e:0",
                    "0f8fad5b-d9cb-469f-a165-70867728950e:-3",
                    "0f8fad5b-d9cb-469f-a165-70867728950e:seven",
                    "0f8fad5b-d9cb-469f-a165-70867728950e:99999999999999999999",
                    "1-1-1-1-1:5",
                    "not-a-uuid-but-exactly-36-characters:5",
                    "0f8fad5b-d9cb-469f-a165-70867728950e:CANCEL"
                })
        void whenThePayloadIsNotOneThisVersionSendsThenItIsIgnored(String payload) {
            assertThat(TaskSignal.decode(payload)).isEmpty();
        }

        @Test
        void whenThereIsNoPayloadThenItIsIgnored() {
            assertThat(TaskSignal.decode(null)).isEmpty();
        }
    }
}
