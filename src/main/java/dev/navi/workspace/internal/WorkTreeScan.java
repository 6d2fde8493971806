package dev.navi.workspace.internal;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * Finds the files of a copy that differ from its baseline commit, without writing anything: the
 * baseline's index (written once, when the baseline was recorded) is only read, to skip files whose
 * size and modification time are unchanged. Files larger than the size limit are never read; they
 * are listed in {@link Result#notes()}.
 */
final class WorkTreeScan {

    private static final int BASELINE = 0;
    private static final int INDEX = 1;
    private static final int WORK = 2;

    private final Repository repository;
    private final ObjectReader reader;
    private final long maxFileSize;
    private final List<Change> changes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** What differs, and why some files are not shown. */
    record Result(List<Change> changes, List<String> notes) {}

    private WorkTreeScan(Repository repository, ObjectReader reader, long maxFileSize) {
        this.repository = repository;
        this.reader = reader;
        this.maxFileSize = maxFileSize;
    }

    static Result scan(Repository repository, ObjectReader reader, long maxFileSize) throws IOException {
        WorkTreeScan scan = new WorkTreeScan(repository, reader, maxFileSize);
        scan.walk();
        return new Result(List.copyOf(scan.changes), List.copyOf(scan.notes));
    }

    private void walk() throws IOException {
        try (TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.addTree(new CanonicalTreeParser(null, reader, baselineTree(repository)));
            walk.addTree(new DirCacheIterator(DirCache.read(indexFile(), repository.getFS())));
            walk.addTree(new FileTreeIterator(repository));
            walk.setFilter(new InScope(BASELINE, WORK));
            walk.setRecursive(true);
            while (walk.next()) {
                visit(walk);
            }
        }
    }

    static ObjectId baselineTree(Repository repository) throws IOException {
        ObjectId tree = repository.resolve(Constants.HEAD + "^{tree}");
        if (tree == null) {
            throw new IOException("the baseline has no commit");
        }
        return tree;
    }

    private File indexFile() {
        return new File(repository.getDirectory(), "index");
    }

    private void visit(TreeWalk walk) throws IOException {
        FileMode oldMode = walk.getFileMode(BASELINE);
        FileMode newMode = walk.getFileMode(WORK);
        if (FileMode.GITLINK.equals(oldMode.getBits())
                || FileMode.GITLINK.equals(newMode.getBits())
                || unchangedByStat(walk)) {
            return;
        }
        String path = walk.getPathString();
        ObjectId oldId = walk.getObjectId(BASELINE);
        long size = Math.max(
                oldMode == FileMode.MISSING ? 0 : reader.getObjectSize(oldId, Constants.OBJ_BLOB),
                newMode == FileMode.MISSING
                        ? 0
                        : walk.getTree(WORK, WorkingTreeIterator.class).getEntryLength());
        if (size > maxFileSize) {
            notes.add(DiffNotes.tooLarge(path, size, maxFileSize));
        } else if (oldMode.getBits() != newMode.getBits() || !walk.idEqual(BASELINE, WORK)) {
            record(path, oldMode, oldId, newMode);
        }
    }

    private boolean unchangedByStat(TreeWalk walk) {
        DirCacheIterator index = walk.getTree(INDEX, DirCacheIterator.class);
        WorkingTreeIterator file = walk.getTree(WORK, WorkingTreeIterator.class);
        if (index == null || file == null || walk.getRawMode(BASELINE) != walk.getRawMode(INDEX)) {
            return false;
        }
        DirCacheEntry entry = index.getDirCacheEntry();
        return entry.getObjectId().equals(walk.getObjectId(BASELINE))
                && file.compareMetadata(entry) == WorkingTreeIterator.MetadataDiff.EQUAL;
    }

    /** A change of kind (file to link, say) is a deletion and an addition, as git shows it. */
    private void record(String path, FileMode oldMode, ObjectId oldId, FileMode newMode) {
        boolean sameKind = (oldMode.getBits() & FileMode.TYPE_MASK) == (newMode.getBits() & FileMode.TYPE_MASK);
        if (oldMode == FileMode.MISSING || newMode == FileMode.MISSING || sameKind) {
            changes.add(new Change(path, oldMode, oldId, newMode));
        } else {
            changes.add(new Change(path, oldMode, oldId, FileMode.MISSING));
            changes.add(new Change(path, FileMode.MISSING, ObjectId.zeroId(), newMode));
        }
    }
}
