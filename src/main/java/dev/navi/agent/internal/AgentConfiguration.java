package dev.navi.agent.internal;

import dev.navi.audit.AuditLog;
import dev.navi.events.TaskHistory;
import dev.navi.llm.LlmGateway;
import dev.navi.llm.ToolDefinition;
import dev.navi.tasks.TaskQueue;
import dev.navi.tools.ToolBox;
import dev.navi.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
class AgentConfiguration {

    @Bean
    AgentLoop.Collaborators agentCollaborators(
            LlmGateway llm,
            ToolBox tools,
            AuditLog audit,
            Workspaces workspaces,
            TaskQueue queue,
            TaskHistory history,
            ApplicationEventPublisher events,
            AgentProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        var definitions = tools.specs().stream()
                .map(spec -> new ToolDefinition(spec.name(), spec.description(), spec.parametersSchemaJson()))
                .toList();
        return new AgentLoop.Collaborators(
                llm,
                tools,
                audit,
                workspaces,
                queue,
                history,
                events,
                properties,
                new ApprovalPolicy(properties.approvals().allowedCommands()),
                systemPrompt(),
                definitions,
                transactions,
                clock);
    }

    private static String systemPrompt() {
        try (var in = new ClassPathResource("prompts/system.md").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
