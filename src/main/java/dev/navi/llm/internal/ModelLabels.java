package dev.navi.llm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model names NAVI knows from its configuration (the price table, the allowed models, the default
 * and fallback models). Only those become metric labels and get a breaker of their own that is kept for
 * good; any other name a task sends is labelled {@code other}, so label values stay bounded.
 */
final class ModelLabels {

    static final String OTHER = "other";

    private final Set<String> known;

    ModelLabels(Collection<String> known) {
        this.known = known.stream()
                .filter(name -> name != null && !name.isBlank())
                .map(String::strip)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The models of the price table, the allowed list and the configured default and fallback. */
    static ModelLabels of(LlmProperties properties, PriceTable prices, Collection<String> allowedModels) {
        List<String> names = new ArrayList<>(prices.models());
        names.addAll(allowedModels);
        names.add(properties.model());
        names.add(properties.fallback().model());
        return new ModelLabels(names);
    }

    boolean known(String model) {
        return known.contains(model);
    }

    /** The metric label of a model: its name when known, else {@value #OTHER}. */
    String of(String model) {
        return known(model) ? model : OTHER;
    }
}
