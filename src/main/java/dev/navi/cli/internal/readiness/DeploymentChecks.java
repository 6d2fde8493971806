package dev.navi.cli.internal.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes manifests and what in them (and in the playbook) still has to be made one's own. */
final class DeploymentChecks {

    static final String DEPLOYMENT = "deploy/k8s/deployment.yaml";

    private final OpsKit kit;
    private final Placeholders placeholders;

    DeploymentChecks(OpsKit kit) {
        this.kit = kit;
        this.placeholders = new Placeholders(kit);
    }

    List<Row> run(List<Customization> customizations) {
        return List.of(probes(), placeholders(customizations), secrets(), contacts());
    }

    Row placeholders(List<Customization> customizations) {
        var check = "no placeholder values left in deploy/ and the playbook";
        var evidence = "deploy/k8s, deploy/grafana/provisioning, deploy/prometheus (comments and rule tests skipped), "
                + OpsKit.ONCALL;
        return customizations.isEmpty()
                ? Row.pass(Section.DEPLOYMENT, check, evidence, "none found")
                : Row.warn(
                        Section.DEPLOYMENT,
                        check,
                        evidence,
                        customizations.size()
                                + " values to replace (see Customization required); a deployment may override them in an overlay,"
                                + " which this review cannot see");
    }

    Row secrets() {
        var check = "no secret values committed (secret.example.yaml empty, no provider keys in deploy/)";
        var evidence = Placeholders.SECRET_EXAMPLE + ", deploy/**/*.yaml";
        var committed = placeholders.committedSecrets();
        return committed.isEmpty()
                ? Row.pass(Section.SECURITY, check, evidence, "no values in the example Secret, no API keys found")
                : Row.fail(Section.SECURITY, check, evidence, String.join("; ", committed));
    }

    Row contacts() {
        var check = "the playbook says whom to call";
        var evidence = "§ Escalation of " + OpsKit.ONCALL;
        return placeholders.hasContact()
                ? Row.pass(Section.ONCALL, check, evidence, "a contact (address, number, link or channel) is named")
                : Row.warn(
                        Section.ONCALL,
                        check,
                        evidence,
                        "roles only, no contact: fine if the pager tool holds them, otherwise add them (see Customization required)");
    }

    @SuppressWarnings("unchecked")
    Row probes() {
        var check = "the Deployment probes /health/ready and /health/live on the management port";
        if (!kit.exists(DEPLOYMENT)) {
            return Row.warn(Section.DEPLOYMENT, check, DEPLOYMENT, "no " + DEPLOYMENT + " in --repo");
        }
        try {
            Map<String, Object> deployment = new Yaml().load(kit.read(DEPLOYMENT));
            var spec = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template")).get("spec");
            var containers = (List<Map<String, Object>>) spec.get("containers");
            var wrong = new ArrayList<String>();
            var seen = new ArrayList<String>();
            for (var probe : List.of("readinessProbe:/health/ready", "livenessProbe:/health/live")) {
                var name = probe.substring(0, probe.indexOf(':'));
                var path = probe.substring(probe.indexOf(':') + 1);
                var httpGet = containers.getFirst().get(name) instanceof Map<?, ?> p
                        ? (Map<String, Object>) p.get("httpGet")
                        : null;
                if (httpGet == null
                        || !path.equals(httpGet.get("path"))
                        || !"management".equals(String.valueOf(httpGet.get("port")))) {
                    wrong.add(name + " " + httpGet);
                } else {
                    seen.add(name + " " + path + " on port management");
                }
            }
            return wrong.isEmpty()
                    ? Row.pass(Section.DEPLOYMENT, check, DEPLOYMENT, String.join(", ", seen))
                    : Row.fail(Section.DEPLOYMENT, check, DEPLOYMENT, "expected " + String.join(", ", wrong));
        } catch (RuntimeException e) {
            return Row.fail(Section.DEPLOYMENT, check, DEPLOYMENT, "cannot read the Deployment: " + e);
        }
    }
}
