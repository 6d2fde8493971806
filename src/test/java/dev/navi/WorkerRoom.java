package dev.navi;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whether a claim made now would be this process's: its worker has a free slot and nothing else waits. */
final class WorkerRoom {

    private WorkerRoom() {}

    static boolean freeAndNothingQueued(JdbcClient jdbc, Environment environment) {
        int concurrency = environment.getProperty("navi.agent.concurrency", Integer.class, 4);
        return jdbc.sql("select count(*) filter (where status = 'running') < :concurrency"
                        + " and count(*) filter (where status = 'queued') = 0 from tasks")
                .param("concurrency", concurrency)
                .query(Boolean.class)
                .single();
    }
}
