/**
 * llm-sim: a scripted LLM provider server speaking the Anthropic Messages and OpenAI Chat Completions
 * protocols over HTTP, for tests, the validator, benchmarks and demos. Plain JDK HTTP server: it does
 * not start the NAVI application.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "llm-sim",
        allowedDependencies = {})
package dev.navi.llmsim;
