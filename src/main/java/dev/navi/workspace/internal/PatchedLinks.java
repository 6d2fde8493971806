package dev.navi.workspace.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * JGit's patch applier reads and writes symbolic links as regular files holding their target: links
 * the patch changes are turned into such files before it applies, and back into links after.
 */
final class PatchedLinks {

    private PatchedLinks() {}

    static void beforeApplying(Patch patch, Path work) throws IOException {
        for (FileHeader file : patch.getFiles()) {
            if (file.getChangeType() != ChangeType.ADD && FileMode.SYMLINK.equals(file.getOldMode())) {
                Path link = inside(work, file.getOldPath());
                if (Files.isSymbolicLink(link)) {
                    String target = Files.readSymbolicLink(link).toString();
                    Files.delete(link);
                    Files.write(link, target.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    static void afterApplying(Patch patch, Path work) throws IOException {
        for (FileHeader file : patch.getFiles()) {
            if (file.getChangeType() != ChangeType.DELETE && FileMode.SYMLINK.equals(file.getNewMode())) {
                Path link = inside(work, file.getNewPath());
                if (Files.isRegularFile(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    String target = new String(Files.readAllBytes(link), StandardCharsets.UTF_8);
                    Files.delete(link);
                    Files.createSymbolicLink(link, Path.of(target));
                }
            }
        }
    }

    private static Path inside(Path work, String path) throws IOException {
        Path resolved = work.resolve(path).normalize();
        if (!resolved.startsWith(work)) {
            throw new IOException("the checkpoint names a path outside the copy: " + path);
        }
        return resolved;
    }
}
