package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.navi.workspace.GitApply;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The web console in headless Chromium against the whole application and llm-sim: signing in, submitting,
 * the live timeline and its resume after a dropped connection, approvals, cancelling, diffs and a refused
 * submission. Screenshots of the main views land in {@code target/screenshots}.
 */
@UsesAnthropicSim
class ConsoleBrowserIT extends NaviIntegrationTest {

    private static ConsoleBrowser browser;

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        assertThat(browser.pageErrors()).isEmpty();
    }

    @Test
    void whenTheAdminTokenIsPastedThenTheTaskListShowsAndAWrongOneIsRefused() {
        submit("create-file", NaviHome.workspace("console-list"), null);
        browser.open(base());
        browser.script("sessionStorage.clear(); location.reload()");
        eventually().until(() -> browser.present("navi-sign-in input[name=token]"));
        browser.screenshot("console-sign-in");

        browser.find("input[name=token]").sendKeys("not-the-token");
        browser.find("navi-sign-in button[type=submit]").click();
        eventually().until(() -> browser.text("navi-sign-in .field-error").contains("not accepted"));

        browser.find("input[name=token]").clear();
        browser.find("input[name=token]").sendKeys(adminToken());
        browser.find("navi-sign-in button[type=submit]").click();

        eventually().until(() -> browser.present("table.tasks tbody tr"));
        eventually().until(() -> browser.all(".charts svg.chart").size() == 2);
        assertThat(unlabelledControls()).isEmpty();
        new Select(browser.find("navi-task-list select[name=status]")).selectByValue("running");
        eventually()
                .until(() -> browser.all("table.tasks tbody tr").stream()
                        .allMatch(row -> "running".equals(row.getAttribute("data-status"))));
        new Select(browser.find("navi-task-list select[name=status]")).selectByValue("");
        eventually().until(() -> browser.present("table.tasks tbody tr[data-status=succeeded]"));
        assertThat(browser.find("table.tasks thead").getText())
                .contains("Status", "Prompt", "Workspace", "Model", "Age", "Duration", "Iterations", "Tokens", "Cost");
        browser.screenshot("console-tasks");
    }

    @Test
    void whenATaskIsSubmittedThenItsEventsArriveLiveAndInOrder() {
        signIn();
        browser.open(base() + "#/submit");
        eventually().until(() -> browser.present("navi-submit textarea[name=prompt]"));
        browser.find("textarea[name=prompt]").sendKeys("[sim:console-live] " + UUID.randomUUID());
        browser.find("input[name='workspace.path']").sendKeys(NaviHome.workspace("console-live", "README.md", "# x\n"));
        // the task waits at its command for an approval only this test gives: however slow the machine,
        // the page has events to show before the task can end
        new Select(browser.find("navi-submit select[name=approvals]")).selectByValue("commands");
        browser.screenshot("console-submit");
        browser.find("navi-submit button[type=submit]").click();

        eventually().until(() -> browser.present("navi-task .timeline"));
        var id = taskIdInUrl();
        eventually().until(() -> browser.present("navi-approvals .approval button.approve"));
        var whileRunning = shownSeqs();
        approve(id);
        // the approval box leaves once decided; from then on the rest of the task streams in
        eventually().until(() -> !browser.present("navi-approvals .approval"));
        var beforeTheRest = shownSeqs().size();
        var firstEventTop = firstEventTop();
        eventually().until(() -> "ended".equals(streamState()));
        assertThat(shownSeqs().size()).as("events arrived after the approval").isGreaterThan(beforeTheRest);
        assertThat(firstEventTop())
                .as("the timeline does not move while events arrive")
                .isEqualTo(firstEventTop);

        assertThat(whileRunning).isNotEmpty();
        assertThat(shownSeqs()).startsWith(whileRunning.toArray(Long[]::new));
        assertThat(shownSeqs()).isEqualTo(storedSeqs(id));
        assertThat(shownTypes()).isEqualTo(storedTypes(id));
        assertThat(browser.text(".event-outcome-succeeded")).contains("completed", "Wrote and edited notes.txt.");
        assertThat(browser.present(".event-tool pre.terminal")).isTrue();
        assertThat(browser.all(".event-tool pre.diff").getLast().getText())
                .contains("edit notes.txt", "-first line", "+second line");
        eventually().until(() -> browser.all(".charts-box svg.chart").size() == 3);
        browser.screenshot("console-task");
    }

    @Test
    void whenTheStreamDropsMidTaskThenTheTimelineResumesWithoutDuplicates() {
        signIn();
        // the task waits for an approval while the stream is cut: it cannot end under the test's feet
        var id = submitWithApprovals("console-live", "commands");
        browser.open(base() + "#/tasks/" + id);
        eventually()
                .until(() ->
                        browser.present("navi-approvals .approval button.approve") && "live".equals(streamState()));

        browser.script("window.naviConsole.dropStream()");
        eventually().until(() -> "reconnecting".equals(streamState()));
        assertThat(browser.text(".stream-state")).contains("reconnecting");
        browser.screenshot("console-reconnecting");
        eventually().until(() -> "live".equals(streamState()));
        approve(id);
        eventually().until(() -> "ended".equals(streamState()));

        assertThat(shownSeqs()).doesNotHaveDuplicates().isEqualTo(storedSeqs(id));
        assertThat(shownSeqs())
                .isEqualTo(LongStream.rangeClosed(1, shownSeqs().size()).boxed().toList());
        assertThat((List<?>) browser.script("return window.naviConsole.stream.resumedFrom"))
                .isNotEmpty()
                .allSatisfy(seq -> assertThat(((Number) seq).longValue()).isPositive());
    }

    @Test
    void whenAPendingApprovalIsApprovedThenTheCommandRuns() {
        var id = submitWithApprovals("approval-command", "commands");
        awaitStatus(id, java.util.Set.of("waiting_approval"));
        signIn();
        browser.open(base() + "#/tasks/" + id);
        eventually().until(() -> browser.present("navi-approvals .approval button.approve"));
        assertThat(browser.text("navi-approvals .approval")).contains("run_command", "echo approved-run");
        assertThat(browser.text(".countdown-value")).matches("\\d+:\\d\\d");
        browser.screenshot("console-approval");

        browser.find("navi-approvals input[name=reason]").sendKeys("looks harmless");
        browser.find("navi-approvals button.approve").click();

        eventually().until(() -> "ended".equals(streamState()));
        assertThat(task(id).get("status").asString()).isEqualTo("succeeded");
        assertThat(browser.text(".event-approval-decided")).contains("approve", "looks harmless");
        assertThat(browser.present("navi-approvals .approval")).isFalse();
    }

    @Test
    void whenCancelIsClickedThenTheRunningTaskIsCancelled() {
        var id = submit("long-command", NaviHome.workspace("console-cancel"), null)
                .get("id")
                .asString();
        signIn();
        browser.open(base() + "#/tasks/" + id);
        eventually().until(() -> browser.present(".event-tool[data-type='tool.call']"));
        eventually()
                .until(() -> browser.find("navi-task .actions button.danger").isDisplayed());

        browser.find("navi-task .actions button.danger").click();

        eventually().until(() -> "ended".equals(streamState()));
        assertThat(task(id).get("status").asString()).isEqualTo("cancelled");
        assertThat(browser.text(".event-outcome-cancelled")).contains("cancelled");
        eventually()
                .until(() -> !browser.find("navi-task .actions button.danger").isDisplayed());
    }

    @Test
    void whenTheDiffIsOpenedThenItIsColouredAndDownloadsAsAPatchGitApplies() throws Exception {
        var workspace = checkpointsWorkspace();
        var id = submit("checkpoints", workspace, null).get("id").asString();
        awaitFinished(id);
        signIn();
        browser.open(base() + "#/tasks/" + id + "/diff");
        eventually().until(() -> browser.present("navi-diff pre.diff"));

        assertThat(browser.text("navi-diff .diff-add")).isNotEmpty();
        assertThat(browser.text("navi-diff .diff-file")).startsWith("diff --git");
        assertThat(browser.text("navi-diff .diff-add[data-language=python] .tok-string"))
                .isEqualTo("'v2'");
        assertThat(highlightedIn(
                        "diff --git a/src/A.java b/src/A.java",
                        "+public final class A { int n = 42; } // the answer",
                        "diff --git a/b.py b/b.py",
                        "-def f(): return None  # gone",
                        "diff --git a/notes.txt b/notes.txt",
                        "+return class def"))
                .containsExactly(
                        (Object) List.of(
                                "keyword:public",
                                "keyword:final",
                                "keyword:class",
                                "keyword:int",
                                "number:42",
                                "comment:// the answer"),
                        List.of("keyword:def", "keyword:return", "keyword:None", "comment:# gone"),
                        List.of());
        var download = browser.find("navi-diff a[download]");
        assertThat(download.getAttribute("download")).endsWith(".patch");
        var saved = ConsoleBrowser.DOWNLOADS.resolve(download.getAttribute("download"));
        Files.deleteIfExists(saved);
        download.click();
        eventually().until(() -> Files.exists(saved) && !Files.readString(saved).isEmpty());
        var patch = Files.readString(saved);
        assertThat(patch)
                .isEqualTo(get("/api/v1/tasks/" + id + "/diff", "text/x-diff").body());
        var copy = Files.createTempDirectory("console-patch").resolve("copy");
        GitApply.toFreshCopy(NaviHome.WORKSPACES.resolve(workspace), patch, copy);
        assertThat(Files.readString(copy.resolve("src/app.py"))).isEqualTo("print('v2')\n");
        browser.screenshot("console-diff");

        browser.open(base() + "#/tasks/" + id);
        eventually().until(() -> "ended".equals(streamState()));
        var link = browser.all(".event-result a.event-link").getFirst();
        var seq = link.getAttribute("href").replaceAll(".*at=", "");
        link.click();
        eventually().until(() -> browser.text("navi-diff h1").equals("Diff at event " + seq));
        eventually().until(() -> browser.present("navi-diff pre.diff"));
        assertThat(browser.text("navi-diff pre.diff")).contains("print('v1')").doesNotContain("print('v2')");
    }

    @Test
    void whenASubmissionBreaksARuleThenTheFieldShowsTheProblem() {
        signIn();
        var before = taskCount();
        browser.open(base() + "#/submit");
        eventually().until(() -> browser.present("navi-submit textarea[name=prompt]"));
        browser.find("textarea[name=prompt]").sendKeys("[sim:default] refused");
        browser.find("input[name='workspace.path']").sendKeys(NaviHome.workspace("console-refused"));
        assertThat(unlabelledControls()).isEmpty();
        browser.find("input[name='limits.maxIterations']").sendKeys("500", Keys.ENTER);

        eventually()
                .until(() -> !browser.text("[data-field='limits.maxIterations'] .field-error")
                        .isEmpty());
        assertThat(browser.text("[data-field='limits.maxIterations'] .field-error"))
                .contains("between 1 and 200");
        assertThat(browser.find("input[name='limits.maxIterations']").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.focused().getAttribute("name")).isEqualTo("limits.maxIterations");
        assertThat(taskCount()).isEqualTo(before);
        browser.screenshot("console-submit-refused");
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions();
    }

    /** Signs the tab in once; later tests reuse the token kept in sessionStorage. */
    private void signIn() {
        browser.open(base() + "#/tasks");
        eventually()
                .until(() -> browser.present("navi-sign-in input[name=token]") || browser.present("navi-task-list"));
        if (browser.present("navi-sign-in input[name=token]")) {
            browser.find("input[name=token]").sendKeys(adminToken());
            browser.find("navi-sign-in button[type=submit]").click();
            eventually().until(() -> browser.present("navi-task-list"));
        }
    }

    /** The highlighted tokens ({@code type:text}) of each changed line, as the diff view renders them. */
    @SuppressWarnings("unchecked")
    private List<Object> highlightedIn(String... diffLines) {
        return (List<Object>) browser.asyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/console/diff-view.js').then(m => done(m.diffLines(arguments[0])"
                        + ".filter(l => /diff-(add|del)/.test(l.className))"
                        + ".map(l => [...l.querySelectorAll('.tok')]"
                        + ".map(t => t.className.replace('tok tok-', '') + ':' + t.textContent))))"
                        + ".catch(e => done(String(e)))",
                List.of(diffLines));
    }

    /** Form controls without a label (or an aria-label) on the current view. */
    private List<?> unlabelledControls() {
        return (List<?>)
                browser.script("return [...document.querySelectorAll('main input, main select, main textarea')]"
                        + ".filter(c => c.labels.length === 0 && !c.getAttribute('aria-label')).map(c => c.name)");
    }

    private long firstEventTop() {
        return ((Number) browser.script(
                        "return Math.round(document.querySelector('.timeline > li').getBoundingClientRect().top)"))
                .longValue();
    }

    private String taskIdInUrl() {
        return ((String) browser.script("return location.hash")).replaceAll("^#/tasks/", "");
    }

    private String streamState() {
        return (String) browser.script("return document.querySelector('.stream-state')?.dataset.state ?? null");
    }

    private List<Long> shownSeqs() {
        return ((List<?>) browser.script(
                        "return [...document.querySelectorAll('.timeline > li')].map(e => e.dataset.seq)"))
                .stream().map(seq -> Long.parseLong((String) seq)).toList();
    }

    private List<String> shownTypes() {
        return ((List<?>) browser.script(
                        "return [...document.querySelectorAll('.timeline > li')].map(e => e.dataset.type)"))
                .stream().map(String.class::cast).toList();
    }

    private List<JsonNode> storedEvents(String id) {
        var page = parse(get("/api/v1/tasks/" + id + "/events?limit=500", "application/json"));
        return StreamSupport.stream(page.get("events").spliterator(), false).toList();
    }

    private List<Long> storedSeqs(String id) {
        return storedEvents(id).stream().map(event -> event.get("seq").asLong()).toList();
    }

    private List<String> storedTypes(String id) {
        return storedEvents(id).stream()
                .map(event -> event.get("type").asString())
                .toList();
    }

    private int taskCount() {
        return parse(get("/api/v1/tasks?limit=100", "application/json"))
                .get("items")
                .size();
    }

    /** Approves the task's one pending approval through the API, as another client would. */
    private void approve(String id) {
        var pending = parse(get("/api/v1/tasks/" + id + "/approvals", "application/json"))
                .get("items")
                .get(0);
        var decided = post(
                "/api/v1/tasks/" + id + "/approvals/" + pending.get("id").asString(), "{\"decision\": \"approve\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    }

    private String submitWithApprovals(String script, String mode) {
        var body = json.createObjectNode();
        body.put("prompt", "[sim:" + script + "] " + UUID.randomUUID());
        body.putObject("workspace").put("path", NaviHome.workspace("console-approval", "README.md", "# Approvals\n"));
        body.put("approvals", mode);
        var response = post("/api/v1/tasks", json.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response).get("id").asString();
    }

    private static String checkpointsWorkspace() {
        return NaviHome.workspace(
                "console-diff",
                ".gitignore",
                "build/\n",
                "README.md",
                "# Project\n",
                "old.txt",
                "old\n",
                "run.sh",
                "#!/bin/sh\necho run\n");
    }
}
