package dev.navi.llmsim.internal;

/** Token counts reported in a reply's usage. */
record TokenCounts(int input, int output) {

    int total() {
        return input + output;
    }
}
