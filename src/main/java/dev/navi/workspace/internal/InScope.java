package dev.navi.workspace.internal;

import java.io.IOException;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The paths a diff looks at: everything in the baseline, and whatever in the copy its {@code .gitignore}
 * files do not exclude (ignored directories are not entered).
 */
final class InScope extends TreeFilter {

    private final int baseline;
    private final int work;

    InScope(int baseline, int work) {
        this.baseline = baseline;
        this.work = work;
    }

    @Override
    public boolean include(TreeWalk walker) throws IOException {
        if (walker.getRawMode(baseline) != 0) {
            return true;
        }
        WorkingTreeIterator file = walker.getTree(work, WorkingTreeIterator.class);
        return file != null && !file.isEntryIgnored();
    }

    @Override
    public boolean shouldBeRecursive() {
        return false;
    }

    @Override
    public TreeFilter clone() {
        return this;
    }
}
