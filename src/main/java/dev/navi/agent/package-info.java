/**
 * The agent: workers that claim queued tasks and run the bounded LLM tool loop on each task's private
 * workspace copy.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Agent",
        allowedDependencies = {"audit", "events", "llm", "tasks", "tools", "workspace"})
package dev.navi.agent;
