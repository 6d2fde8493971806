package dev.navi.tools.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ToolsProperties.class)
class ToolsConfiguration {

    /** Probed once, at startup: the log says what commands will run in. */
    @Bean
    CommandSandbox commandSandbox(ToolsProperties properties) {
        return CommandSandbox.probed(properties);
    }
}
