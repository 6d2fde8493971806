package dev.navi.cli.internal.readiness;

/** A value in the repository that is a placeholder and must be replaced before production. */
record Customization(String file, int line, String found, String action) {}
