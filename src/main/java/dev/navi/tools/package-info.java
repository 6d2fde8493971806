/**
 * The tools the agent offers to the model (list, read, write, edit, search files; run commands),
 * each confined to one workspace directory.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workspace tools",
        allowedDependencies = {})
package dev.navi.tools;
