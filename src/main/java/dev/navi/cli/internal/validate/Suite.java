package dev.navi.cli.internal.validate;

/** Which scenarios run: {@code smoke} a fast subset, {@code full} all of them. */
enum Suite {
    smoke,
    full;

    String wireName() {
        return name();
    }
}
