package dev.navi.web.internal;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import org.apache.coyote.AbstractProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * How many connections the API port holds at once. Tomcat's default (8,192) refused idle event streams
 * long before memory or file descriptors ran out; the limit is now what the descriptors allow, so an
 * operator raises it with {@code ulimit -n} (or sets {@code navi.web.max-connections}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionLimitConfiguration {

    static final int TOMCAT_DEFAULT = 8192;

    private static final Logger log = LoggerFactory.getLogger(ConnectionLimitConfiguration.class);

    /** After Boot's own customizer, which sets {@code server.tomcat.max-connections}. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionLimit(WebProperties properties) {
        int limit = maxConnections(properties, fileDescriptorLimit());
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxConnections(limit);
                log.info("The API port accepts up to {} connections at once", limit);
            }
        });
    }

    static int maxConnections(WebProperties properties, OptionalLong fileDescriptorLimit) {
        if (properties.maxConnections() > 0) {
            return properties.maxConnections();
        }
        return fileDescriptorLimit.isEmpty()
                ? TOMCAT_DEFAULT
                : (int) Math.clamp(
                        fileDescriptorLimit.getAsLong() - properties.reservedFileDescriptors(),
                        TOMCAT_DEFAULT,
                        Integer.MAX_VALUE);
    }

    /** The process's limit on open files (the JVM raises the soft limit to the hard one on Linux). */
    static OptionalLong fileDescriptorLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? OptionalLong.of(unix.getMaxFileDescriptorCount())
                : OptionalLong.empty();
    }
}
