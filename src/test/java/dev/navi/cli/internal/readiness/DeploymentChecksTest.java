package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholders, committed secrets, contacts and probes, on a copy of this checkout. */
class DeploymentChecksTest {

    @TempDir
    Path dir;

    private Path repo;
    private OpsKit kit;

    @BeforeEach
    void copyTheCheckout() {
        repo = RepoFixture.copy(dir);
        kit = new OpsKit(repo);
    }

    @Test
    void whenTheCheckoutHasExampleHostsEmptySecretsAndNoContactThenAllAreListed() {
        var found = new Placeholders(kit).scan();

        assertThat(found)
                .extracting(Customization::file)
                .contains(
                        "deploy/k8s/configmap.yaml",
                        "deploy/k8s/ingress.example.yaml",
                        "deploy/k8s/secret.example.yaml",
                        "docs/oncall.md");
        assertThat(found).noneMatch(c -> c.file().startsWith("deploy/prometheus/tests/"));
        assertThat(new DeploymentChecks(kit).placeholders(found).outcome()).isInstanceOf(Outcome.Warn.class);
    }

    @Test
    void whenAnImageNamesYourOrgThenItIsListedWithItsLine() {
        RepoFixture.replace(repo, "deploy/k8s/deployment.yaml", "image: navi\n", "image: ghcr.io/your-org/navi:1.0\n");

        var found = new Placeholders(kit).scan();

        assertThat(found).anySatisfy(c -> {
            assertThat(c.file()).isEqualTo("deploy/k8s/deployment.yaml");
            assertThat(c.found()).isEqualTo("your-org");
            assertThat(c.line()).isPositive();
        });
    }

    @Test
    void whenTheExampleSecretHoldsADefaultPasswordThenTheSecurityRowFails() {
        RepoFixture.replace(
                repo,
                "deploy/k8s/secret.example.yaml",
                "NAVI_DATABASE_PASSWORD: \"\"",
                "NAVI_DATABASE_PASSWORD: \"changeme\"");

        var row = new DeploymentChecks(kit).secrets();

        assertThat(row.section()).isEqualTo(Section.SECURITY);
        assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
        assertThat(row.outcome().text()).contains("NAVI_DATABASE_PASSWORD has a value");
    }

    @Test
    void whenAProviderKeyIsCommittedThenTheSecurityRowFails() {
        RepoFixture.replace(
                repo, "deploy/k8s/configmap.yaml", "data:\n", "data:\n  LEAK: sk-ant-api03-abcdefghijklmnop\n");

        assertThat(new DeploymentChecks(kit).secrets().outcome().text()).contains("configmap.yaml", "provider API key");
    }

    @Test
    void whenThePlaybookNamesAPagerThenTheContactRowPasses() {
        var checks = new DeploymentChecks(kit);
        assertThat(checks.contacts().outcome()).isInstanceOf(Outcome.Warn.class);

        RepoFixture.replace(
                repo,
                "docs/oncall.md",
                "## Escalation\n",
                "## Escalation\n\nPager: https://acme.pagerduty.com/schedules/NAVI\n");

        assertThat(checks.contacts().outcome()).isInstanceOf(Outcome.Pass.class);
    }

    @Test
    void whenTheReadinessProbeLeavesTheManagementPortThenTheProbeRowFails() {
        assertThat(new DeploymentChecks(kit).probes().outcome()).isInstanceOf(Outcome.Pass.class);

        RepoFixture.replace(
                repo,
                "deploy/k8s/deployment.yaml",
                "path: /health/ready\n              port: management",
                "path: /health/ready\n              port: http");

        assertThat(new DeploymentChecks(kit).probes().outcome()).isInstanceOf(Outcome.Fail.class);
    }
}
