package dev.navi.web.internal;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a number is not a string, a string is not a number. Together with
 * {@code fail-on-unknown-properties} this turns every mistyped field into a 400 naming the field. Every
 * document NAVI reads is bounded in nesting, string, name and number length, so a hostile body fails
 * fast (400) instead of costing memory or CPU; the body itself is bounded by {@link RequestSizeLimitFilter}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(4_000_000)
            .maxNameLength(1_000)
            .maxNumberLength(100)
            .build();

    /** Boot's builder, on a JSON factory with {@link #LIMITS}: every {@code spring.jackson.*} setting still applies. */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder boundedJsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        var builder = JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(LIMITS).build());
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
}
