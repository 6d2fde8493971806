package dev.navi.workspace.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * What a copy looks like from its directory entries alone (path, mode, size, modification time of
 * every file a diff would look at), read without opening a file. Two equal states mean an unchanged
 * copy, unless a file was rewritten within the file system's timestamp granularity: a state with a
 * file modified less than {@link #SETTLING} before it was taken is therefore never {@link #settled()}.
 */
record WorkTreeState(String digest, boolean settled) {

    static final Duration SETTLING = Duration.ofSeconds(2);

    static WorkTreeState of(Repository repository) throws IOException {
        Instant taken = Instant.now();
        Instant newest = Instant.EPOCH;
        MessageDigest digest = sha256();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(new CanonicalTreeParser(null, walk.getObjectReader(), WorkTreeScan.baselineTree(repository)));
            walk.addTree(new FileTreeIterator(repository));
            walk.setFilter(new InScope(0, 1));
            walk.setRecursive(true);
            while (walk.next()) {
                WorkingTreeIterator file = walk.getTree(1, WorkingTreeIterator.class);
                if (file == null) {
                    continue;
                }
                Instant modified = file.getEntryLastModifiedInstant();
                newest = modified.isAfter(newest) ? modified : newest;
                digest.update((walk.getPathString() + "\0" + walk.getRawMode(1) + "\0" + file.getEntryLength() + "\0"
                                + modified + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return new WorkTreeState(HexFormat.of().formatHex(digest.digest()), newest.isBefore(taken.minus(SETTLING)));
    }

    /** True when {@code other} is a settled state of the same entries. */
    boolean sameAs(WorkTreeState other) {
        return other != null && other.settled && settled && digest.equals(other.digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
