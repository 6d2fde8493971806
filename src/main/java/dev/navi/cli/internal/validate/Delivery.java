package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.NaviClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** How a scenario's repository reaches the NAVI under test: the submission's {@code workspace}. */
sealed interface Delivery permits Delivery.LocalRoot, Delivery.GitPush {

    String DIRECTORY = "navi-validate";

    /** Puts the repository where NAVI can read it and answers the {@code workspace} to submit. */
    ObjectNode deliver(Scenario scenario, String runId);

    /** Removes what {@link #deliver} left behind, where it can. */
    void cleanUp(String runId);

    String describe();

    /**
     * NAVI's workspaces root as this machine sees it ({@code navi.workspace.root}): the repository is
     * written to {@code <root>/<tenant>/navi-validate/<run>/<scenario>} and submitted by path.
     */
    record LocalRoot(Path root, String tenant) implements Delivery {

        @Override
        public ObjectNode deliver(Scenario scenario, String runId) {
            var relative = DIRECTORY + "/" + runId + "/" + scenario.name();
            RepoFiles.write(scenario.files(), root.resolve(tenant).resolve(relative));
            return NaviClient.json().createObjectNode().put("path", relative);
        }

        @Override
        public void cleanUp(String runId) {
            RepoFiles.delete(root.resolve(tenant).resolve(DIRECTORY).resolve(runId));
        }

        @Override
        public String describe() {
            return "copied under the workspaces root " + root + " (tenant " + tenant + "), submitted by path";
        }
    }

    /**
     * A git repository NAVI can clone and this machine can push to (the user's git credentials):
     * each scenario is pushed as branch {@code navi-validate/<run>/<scenario>} and submitted as a git
     * workspace at that ref. The branches are left for the user to delete.
     */
    record GitPush(String remote) implements Delivery {

        private static final Duration GIT_TIMEOUT = Duration.ofSeconds(60);

        @Override
        public ObjectNode deliver(Scenario scenario, String runId) {
            var branch = DIRECTORY + "/" + runId + "/" + scenario.name();
            Path directory = null;
            try {
                directory = Files.createTempDirectory("navi-validate-push");
                RepoFiles.write(scenario.files(), directory);
                git(directory, "init", "-q");
                git(directory, "add", "-A");
                git(
                        directory,
                        "-c",
                        "user.name=navi validate",
                        "-c",
                        "user.email=validate@navi.invalid",
                        "commit",
                        "-q",
                        "--no-gpg-sign",
                        "-m",
                        "navi validate: " + scenario.name());
                git(directory, "push", "-q", remote, "HEAD:refs/heads/" + branch);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (directory != null) {
                    RepoFiles.delete(directory);
                }
            }
            return NaviClient.json().createObjectNode().put("git", remote).put("ref", branch);
        }

        @Override
        public void cleanUp(String runId) {
            // the pushed branches stay: deleting in someone's remote is theirs to decide
        }

        @Override
        public String describe() {
            return "pushed as branches navi-validate/<run>/<scenario> to " + remote + ", submitted as git workspaces";
        }

        private static void git(Path directory, String... arguments) {
            var command = new java.util.ArrayList<String>(List.of("git"));
            if (arguments[0].equals("commit")) {
                command.addAll(List.of(arguments).subList(1, 5)); // -c identity, before the subcommand
                command.add("commit");
                command.addAll(List.of(arguments).subList(5, arguments.length));
            } else {
                command.addAll(List.of(arguments));
            }
            var result = Processes.run(directory, GIT_TIMEOUT, command);
            if (!result.ok()) {
                throw new IllegalStateException(
                        "git " + arguments[0] + " failed: " + Processes.tail(result.output(), 5));
            }
        }
    }
}
