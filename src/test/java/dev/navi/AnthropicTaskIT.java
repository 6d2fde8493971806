package dev.navi;

@UsesAnthropicSim
class AnthropicTaskIT extends TaskRunScenarios {

    @Override
    protected String protocol() {
        return "anthropic";
    }

    @Override
    protected String configuredModel() {
        return "claude-sim";
    }
}
