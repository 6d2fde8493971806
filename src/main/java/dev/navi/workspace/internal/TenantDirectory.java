package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A tenant's own workspaces: {@code <root>/<tenant>}. Tenant names are checked here, so that no name
 * ({@code ..}, {@code /}, an empty one) can lead outside the root or into another tenant's directory.
 */
final class TenantDirectory {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private TenantDirectory() {}

    static Path of(Path root, String tenant) {
        return root.resolve(checked(tenant));
    }

    static String checked(String tenant) {
        if (tenant == null || !NAME.matcher(tenant).matches() || tenant.contains("..")) {
            throw new WorkspaceException(
                    Reason.INVALID,
                    "The tenant name is not one a workspace directory can have (lower-case letters, digits,"
                            + " '.', '_' and '-', at most 63, starting with a letter or digit).");
        }
        return tenant;
    }
}
