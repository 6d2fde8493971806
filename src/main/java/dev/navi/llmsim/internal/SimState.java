package dev.navi.llmsim.internal;

/** What a running sim shares between its handlers. */
record SimState(ScriptLibrary scripts, AttemptCounters attempts, RequestLog requests) {}
