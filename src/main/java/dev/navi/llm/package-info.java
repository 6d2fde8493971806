/**
 * LLM providers: one client per wire protocol (Anthropic Messages, OpenAI Chat Completions), error
 * classification and cost accounting. Provider SDK and wire types stay inside this module; the rest
 * of NAVI sees only the records declared here.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "LLM providers",
        allowedDependencies = {})
package dev.navi.llm;
