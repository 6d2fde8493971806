package dev.navi.workspace.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.QuotedString;
import org.eclipse.jgit.util.io.BinaryHunkOutputStream;

/**
 * Writes changes as a patch that {@code git apply} accepts on the baseline: text files as unified
 * hunks, other files (NUL bytes, or not UTF-8) as {@code GIT binary patch} literals, which JGit's
 * DiffFormatter cannot write. Only whole file sections are written; one that would pass the byte
 * limit is left out with a note, and so is every file after it.
 */
final class PatchWriter {

    private static final DiffAlgorithm HISTOGRAM =
            DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    private final Path work;
    private final ObjectReader reader;
    private final long maxBytes;
    private final long maxFileSize;
    private final ByteArrayOutputStream patch = new ByteArrayOutputStream();
    private final List<String> notes;
    private boolean complete;

    private PatchWriter(Path work, ObjectReader reader, long maxBytes, long maxFileSize, List<String> notes) {
        this.work = work;
        this.reader = reader;
        this.maxBytes = maxBytes;
        this.maxFileSize = maxFileSize;
        this.notes = new ArrayList<>(notes);
        this.complete = notes.isEmpty();
    }

    /**
     * A patch and what it leaves out. {@code complete} is false when a file was left out for a limit
     * (a file changed while it was read, being gone, is left out without making the patch incomplete).
     */
    record Written(String patch, List<String> notes, boolean complete) {}

    static String write(Path work, ObjectReader reader, WorkTreeScan.Result scan, long maxBytes, long maxFileSize)
            throws IOException {
        Written written = written(work, reader, scan, maxBytes, maxFileSize);
        return DiffNotes.header(written.notes()) + written.patch();
    }

    /** The patch without the note lines, for callers that must know whether it holds every change. */
    static Written written(Path work, ObjectReader reader, WorkTreeScan.Result scan, long maxBytes, long maxFileSize)
            throws IOException {
        PatchWriter writer = new PatchWriter(work, reader, maxBytes, maxFileSize, scan.notes());
        writer.writeAll(scan.changes());
        return new Written(writer.patch.toString(StandardCharsets.UTF_8), List.copyOf(writer.notes), writer.complete);
    }

    private void writeAll(List<Change> changes) throws IOException {
        for (int i = 0; i < changes.size(); i++) {
            byte[] section = section(changes.get(i));
            if (section == null) {
                continue;
            }
            if (patch.size() + section.length > maxBytes) {
                changes.subList(i, changes.size()).stream()
                        .map(Change::path)
                        .distinct()
                        .forEach(path -> notes.add(DiffNotes.overBudget(path, maxBytes)));
                complete = false;
                return;
            }
            patch.write(section);
        }
    }

    private byte[] section(Change change) throws IOException {
        byte[] before = change.added()
                ? new byte[0]
                : reader.open(change.oldId(), Constants.OBJ_BLOB).getBytes();
        byte[] after;
        try {
            after = change.deleted() ? new byte[0] : current(change);
        } catch (NoSuchFileException e) {
            notes.add(DiffNotes.vanished(change.path()));
            return null;
        }
        if (after == null) {
            return null;
        }
        ObjectId newId =
                change.deleted() ? ObjectId.zeroId() : new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, after);
        boolean contentChanged = !newId.equals(change.oldId());
        boolean modeChanged = !change.added()
                && !change.deleted()
                && change.oldMode().getBits() != change.newMode().getBits();
        if (!contentChanged && !modeChanged) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, change, contentChanged ? newId : null, modeChanged);
        if (contentChanged) {
            if (isText(before) && isText(after)) {
                text(out, change, before, after);
            } else {
                binary(out, before, after);
            }
        }
        return out.toByteArray();
    }

    /** The file's content now, or null (with a note) when it has grown past the size limit meanwhile. */
    private byte[] current(Change change) throws IOException {
        Path file = work.resolve(change.path());
        if (FileMode.SYMLINK.equals(change.newMode().getBits())) {
            return Constants.encode(Files.readSymbolicLink(file).toString());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize + 1));
        }
        if (bytes.length > maxFileSize) {
            notes.add(DiffNotes.tooLarge(change.path(), Files.size(file), maxFileSize));
            complete = false;
            return null;
        }
        return bytes;
    }

    private static void header(ByteArrayOutputStream out, Change change, ObjectId newId, boolean modeChanged)
            throws IOException {
        String path = change.path();
        line(out, "diff --git " + quote("a/" + path) + " " + quote("b/" + path));
        if (change.added()) {
            line(out, "new file mode " + change.newMode());
        } else if (change.deleted()) {
            line(out, "deleted file mode " + change.oldMode());
        } else if (modeChanged) {
            line(out, "old mode " + change.oldMode());
            line(out, "new mode " + change.newMode());
        }
        if (newId != null) {
            String index = "index " + change.oldId().name() + ".." + newId.name();
            line(out, change.added() || change.deleted() || modeChanged ? index : index + " " + change.newMode());
        }
    }

    /** An empty file added or deleted has no hunk, and then git writes no {@code ---}/{@code +++} lines. */
    private static void text(ByteArrayOutputStream out, Change change, byte[] before, byte[] after) throws IOException {
        RawText a = new RawText(before);
        RawText b = new RawText(after);
        EditList edits = HISTOGRAM.diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return;
        }
        line(out, "--- " + (change.added() ? "/dev/null" : quote("a/" + change.path())));
        line(out, "+++ " + (change.deleted() ? "/dev/null" : quote("b/" + change.path())));
        try (DiffFormatter hunks = new DiffFormatter(out)) {
            hunks.format(edits, a, b);
            hunks.flush();
        }
    }

    /** git's format: the forward literal (the new content), then the reverse one (the old content). */
    private static void binary(ByteArrayOutputStream out, byte[] before, byte[] after) throws IOException {
        line(out, "GIT binary patch");
        literal(out, after);
        literal(out, before);
    }

    private static void literal(ByteArrayOutputStream out, byte[] content) throws IOException {
        line(out, "literal " + content.length);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(deflated)) {
            zlib.write(content);
        }
        try (BinaryHunkOutputStream base85 = new BinaryHunkOutputStream(out)) {
            base85.write(deflated.toByteArray());
        }
        line(out, "");
    }

    private static boolean isText(byte[] content) {
        if (RawText.isBinary(content)) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String quote(String path) {
        return QuotedString.GIT_PATH.quote(path);
    }

    private static void line(ByteArrayOutputStream out, String text) throws IOException {
        out.write(Constants.encode(text + "\n"));
    }
}
