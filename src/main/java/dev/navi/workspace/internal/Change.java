package dev.navi.workspace.internal;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One file that differs between the baseline and the copy. {@code oldMode} is {@link FileMode#MISSING}
 * for an added file, {@code newMode} for a deleted one; the new content is read from the copy.
 */
record Change(String path, FileMode oldMode, ObjectId oldId, FileMode newMode) {

    boolean added() {
        return oldMode == FileMode.MISSING;
    }

    boolean deleted() {
        return newMode == FileMode.MISSING;
    }
}
