package dev.navi.tasks.internal;

import dev.navi.events.TaskAccess;
import dev.navi.security.Caller;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the events module whether a caller may see a task, by one query scoped like every other. */
@Component
class TaskVisibility implements TaskAccess {

    private final JdbcClient jdbc;

    TaskVisibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean visible(UUID taskId, Caller caller) {
        var scope = TenantScope.of(caller);
        return scope.bind(jdbc.sql("select exists (select 1 from tasks where id = :id" + scope.and() + ")"))
                .param("id", taskId)
                .query(Boolean.class)
                .single();
    }
}
