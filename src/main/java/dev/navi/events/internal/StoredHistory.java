package dev.navi.events.internal;

import dev.navi.events.TaskEvent;
import dev.navi.events.TaskHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a task's stored events back into their records; a type no record has is skipped. Inside a
 * transaction, the events it has published are stored first: it reads its own events.
 */
@Component
class StoredHistory implements TaskHistory {

    private static final int PAGE = 500;

    private final EventStore store;
    private final EventRecorder recorder;
    private final JsonMapper json;

    StoredHistory(EventStore store, EventRecorder recorder, JsonMapper json) {
        this.store = store;
        this.recorder = recorder;
        this.json = json;
    }

    @Override
    public List<Recorded> of(UUID taskId) {
        recorder.flushCurrentTransaction();
        var recorded = new ArrayList<Recorded>();
        long after = 0;
        List<StoredEvent> page;
        do {
            page = store.after(taskId, after, PAGE);
            for (var stored : page) {
                after = stored.seq();
                TaskEvent.typeNamed(stored.type())
                        .map(type -> json.treeToValue(withTaskId(stored), type))
                        .ifPresent(event -> recorded.add(new Recorded(stored.seq(), event)));
            }
        } while (page.size() == PAGE);
        return recorded;
    }

    @Override
    public long lastSeq(UUID taskId) {
        recorder.flushCurrentTransaction();
        return store.lastSeq(taskId);
    }

    private static ObjectNode withTaskId(StoredEvent stored) {
        var node = ((ObjectNode) stored.data()).deepCopy();
        node.put("taskId", stored.taskId().toString());
        return node;
    }
}
