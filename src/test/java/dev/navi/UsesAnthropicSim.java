package dev.navi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** NAVI talks to llm-sim over the Anthropic Messages protocol (one shared application context). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(
        properties = {
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=sk-ant-test",
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim",
            "navi.llm.prices.[claude-sim].input-usd-per-million-tokens=3",
            "navi.llm.prices.[claude-sim].output-usd-per-million-tokens=15"
        })
@interface UsesAnthropicSim {}
