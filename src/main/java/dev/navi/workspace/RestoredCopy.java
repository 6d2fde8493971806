package dev.navi.workspace;

import java.nio.file.Path;

/**
 * A task's copy made again from its source and its latest checkpoint.
 *
 * @param root the root directory of the copy, where tools run
 * @param seq the seq of the task event the applied checkpoint was taken after; 0 when the task had
 *     no checkpoint and the copy is its source as prepared
 */
public record RestoredCopy(Path root, long seq) {}
