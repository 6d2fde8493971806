package dev.navi.workspace.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkspaceProperties.class)
@EnableScheduling
class WorkspaceConfiguration {

    WorkspaceConfiguration() {
        GitConfigIsolation.install();
    }
}
