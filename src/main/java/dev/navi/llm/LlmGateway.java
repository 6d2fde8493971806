package dev.navi.llm;

/**
 * The one entry point the rest of NAVI uses to call a model. The configured provider and model are
 * chosen here; a request whose model is null uses the configured default model.
 */
public interface LlmGateway {

    /**
     * Sends one call and waits for the whole reply (streamed or not, as configured).
     *
     * @throws LlmException classified, when the call fails
     * @throws InterruptedException when the calling thread is interrupted (task cancelled); the HTTP
     *     exchange is abandoned at once
     */
    LlmResponse complete(LlmRequest request) throws InterruptedException;

    /** The model used when a task names none. */
    String defaultModel();
}
