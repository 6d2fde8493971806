package dev.navi.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Gives Boot's Hikari pool NAVI's name, size and connection timeout. It runs after Boot has bound
 * {@code spring.datasource.hikari.*}, so every other Hikari setting there still applies.
 */
final class PoolSettings implements BeanPostProcessor {

    static final String POOL_NAME = "navi";

    private final Environment environment;

    PoolSettings(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            var properties = Binder.get(environment).bindOrCreate("navi.database", DatabaseProperties.class);
            pool.setPoolName(POOL_NAME);
            pool.setMaximumPoolSize(properties.maxPoolSize());
            pool.setConnectionTimeout(properties.connectionTimeout().toMillis());
        }
        return bean;
    }
}
