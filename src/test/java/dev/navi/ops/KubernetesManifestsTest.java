package dev.navi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The manifests fit together and fit NAVI; the playbook names only objects they define. */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    private static final Pattern KIND_SLASH_NAME =
            Pattern.compile("\\b(deployment|service|configmap|secret|poddisruptionbudget|servicemonitor)/([a-z0-9-]+)");
    private static final Pattern KIND_NAME = Pattern.compile(
            "\\b(Deployment|Service|ConfigMap|Secret|PodDisruptionBudget|ServiceMonitor) `([a-z0-9-]+)`");
    private static final Pattern NAMESPACE = Pattern.compile("\\s-n ([a-z0-9-]+)");
    private static final Pattern LABEL = Pattern.compile("-l ([a-z0-9./-]+)=([a-z0-9-]+)");

    private final List<Resource> resources = resources();

    record Resource(String file, String kind, String name, String namespace, Map<String, Object> body) {}

    @Nested
    class Deployment {

        private final Map<String, Object> container =
                at(resource("Deployment", "navi").body(), "spec.template.spec.containers.0");

        @Test
        void whenProbedOrScrapedThenTheManagementPortAnswersNotThePublicOne() {
            var ports = (List<Map<String, Object>>) at(container, "ports");
            var env = (List<Map<String, Object>>) at(container, "env");
            var managementPort = ports.stream()
                    .filter(p -> "management".equals(p.get("name")))
                    .findFirst()
                    .orElseThrow()
                    .get("containerPort");

            assertThat(env).contains(Map.of("name", "MANAGEMENT_SERVER_PORT", "value", String.valueOf(managementPort)));
            assertThat((String) at(container, "livenessProbe.httpGet.port")).isEqualTo("management");
            assertThat((String) at(container, "readinessProbe.httpGet.port")).isEqualTo("management");
            assertThat((String) at(container, "startupProbe.httpGet.port")).isEqualTo("management");
            assertThat((String) at(resource("ServiceMonitor", "navi").body(), "spec.endpoints.0.port"))
                    .isEqualTo("management");
            assertThat((String) at(
                            resource("Ingress", "navi").body(), "spec.rules.0.http.paths.0.backend.service.port.name"))
                    .isEqualTo("http");
        }

        @Test
        void whenProbedThenLivenessAndReadinessUseNavisHealthGroups() {
            assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/health/live");
            assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/health/ready");
        }

        @Test
        void whenConfiguredThenEnvironmentComesFromTheConfigMapAndTheSecretThatExist() {
            var sources = (List<Map<String, Object>>) container.get("envFrom");

            assertThat(sources).extracting(s -> s.get("configMapRef")).contains(Map.of("name", "navi-config"));
            assertThat(sources).extracting(s -> s.get("secretRef")).contains(Map.of("name", "navi-secrets"));
            assertThat(resource("ConfigMap", "navi-config")).isNotNull();
            assertThat((Map<String, Object>)
                            at(resource("Secret", "navi-secrets").body(), "stringData"))
                    .containsKeys(
                            "NAVI_DATABASE_URL", "NAVI_DATABASE_USER", "NAVI_DATABASE_PASSWORD", "ANTHROPIC_API_KEY");
        }

        @Test
        void whenDeployedThenTheProductionProfileIsActive() {
            var env = (List<Map<String, Object>>) container.get("env");

            assertThat(env).contains(Map.of("name", "SPRING_PROFILES_ACTIVE", "value", "production"));
        }

        @Test
        void whenDeployedThenCommandsRunOnlyInTheSandboxWithoutNetworkAndWithoutCapabilities() {
            var data = (Map<String, Object>)
                    resource("ConfigMap", "navi-config").body().get("data");

            assertThat(data)
                    .containsEntry("NAVI_TOOLS_SANDBOX", "required")
                    .containsEntry("NAVI_TOOLS_SANDBOX_NETWORK", "false");
            assertThat((Boolean) at(container, "securityContext.allowPrivilegeEscalation"))
                    .isFalse();
            assertThat((List<String>) at(container, "securityContext.capabilities.drop"))
                    .containsExactly("ALL");
            assertThat((Boolean) at(
                            resource("Deployment", "navi").body(), "spec.template.spec.securityContext.runAsNonRoot"))
                    .isTrue();
        }

        @Test
        void whenResourcesAreSetThenRequestsAndAMemoryLimitExist() {
            assertThat((Map<String, Object>) at(container, "resources.requests"))
                    .containsKeys("cpu", "memory");
            assertThat((Map<String, Object>) at(container, "resources.limits")).containsKey("memory");
        }

        @Test
        void whenTheConfigMapSetsVariablesThenEachMeansASetting() {
            var properties = KnownNames.properties();
            var data = (Map<String, Object>)
                    resource("ConfigMap", "navi-config").body().get("data");

            assertThat(data.keySet())
                    .allSatisfy(variable -> assertThat(
                                    variable.equals("JAVA_TOOL_OPTIONS") || KnownNames.isVariable(variable, properties))
                            .as(variable)
                            .isTrue());
        }
    }

    @Test
    void whenObjectsSelectPodsThenTheSelectorsMatchThePodLabels() {
        var podLabels =
                (Map<String, Object>) at(resource("Deployment", "navi").body(), "spec.template.metadata.labels");

        assertThat(podLabels).containsAllEntriesOf((Map<String, Object>)
                at(resource("Service", "navi").body(), "spec.selector"));
        assertThat(podLabels).containsAllEntriesOf((Map<String, Object>)
                at(resource("PodDisruptionBudget", "navi").body(), "spec.selector.matchLabels"));
        var serviceLabels = (Map<String, Object>) at(resource("Service", "navi").body(), "metadata.labels");
        assertThat(serviceLabels).containsAllEntriesOf((Map<String, Object>)
                at(resource("ServiceMonitor", "navi").body(), "spec.selector.matchLabels"));
    }

    @Test
    void whenScrapedThenTheServiceMonitorUsesTheServicePortAndMetricsPath() {
        var ports = (List<Map<String, Object>>) at(resource("Service", "navi").body(), "spec.ports");
        var endpoint = at(resource("ServiceMonitor", "navi").body(), "spec.endpoints.0");

        assertThat(ports).extracting(p -> p.get("name")).contains((Object) at(endpoint, "port"));
        assertThat((String) at(endpoint, "path")).isEqualTo("/metrics");
    }

    @Test
    void whenStreamsPassTheIngressThenItRoutesToTheServiceUnbufferedAndBeyondTheHeartbeat() {
        var ingress = resource("Ingress", "navi").body();
        var backend = at(ingress, "spec.rules.0.http.paths.0.backend.service");
        var ports = (List<Map<String, Object>>) at(resource("Service", "navi").body(), "spec.ports");
        Map<String, Object> annotations = at(ingress, "metadata.annotations");

        assertThat((String) at(backend, "name")).isEqualTo("navi");
        assertThat(ports).extracting(p -> p.get("name")).contains((Object) at(backend, "port.name"));
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
        assertThat(Integer.parseInt((String) annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .as("seconds, above NAVI_HEARTBEAT_INTERVAL")
                .isGreaterThan(10);
    }

    @Nested
    class Replicas {

        @Test
        void whenDeployedThenTwoOrMoreReplicasAndADrainKeepsOneServing() {
            assertThat((Integer) at(resource("Deployment", "navi").body(), "spec.replicas"))
                    .isGreaterThanOrEqualTo(2);
            assertThat((Integer) at(resource("PodDisruptionBudget", "navi").body(), "spec.minAvailable"))
                    .isEqualTo(1);
        }

        @Test
        void whenScaledThenTheAutoscalerTargetsTheDeploymentAndNeverGoesBelowTwo() {
            var hpa = resource("HorizontalPodAutoscaler", "navi").body();

            assertThat((String) at(hpa, "spec.scaleTargetRef.name")).isEqualTo("navi");
            assertThat((String) at(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat((Integer) at(hpa, "spec.minReplicas")).isGreaterThanOrEqualTo(2);
        }

        @Test
        void whenWorkspacesAreLocalThenEveryReplicaMountsTheSameReadWriteManyVolume() {
            var claim = resource("PersistentVolumeClaim", "navi-workspaces").body();
            var config = (Map<String, Object>)
                    resource("ConfigMap", "navi-config").body().get("data");
            var mounts = (List<Map<String, Object>>)
                    at(resource("Deployment", "navi").body(), "spec.template.spec.containers.0.volumeMounts");

            assertThat((List<String>) at(claim, "spec.accessModes")).containsExactly("ReadWriteMany");
            assertThat(mounts).anySatisfy(mount -> {
                assertThat(mount.get("name")).isEqualTo("workspaces");
                assertThat(mount.get("mountPath")).isEqualTo(config.get("NAVI_WORKSPACES_ROOT"));
            });
        }
    }

    @Test
    void whenKustomizationListsFilesThenTheyExistAndEveryObjectIsInNamespaceNavi() {
        Map<String, Object> kustomization = new Yaml().load(OpsArtifacts.read("deploy/k8s/kustomization.yaml"));

        assertThat((List<String>) kustomization.get("resources"))
                .allSatisfy(file -> assertThat(
                                OpsArtifacts.root().resolve("deploy/k8s").resolve(file))
                        .exists());
        assertThat(resources)
                .filteredOn(r -> !r.kind().equals("Namespace"))
                .allSatisfy(r -> assertThat(r.namespace()).as(r.file()).isEqualTo("navi"));
    }

    @Nested
    class Image {

        private final String buildScript = OpsArtifacts.read("scripts/build-image.sh");
        private final Map<String, Object> pod =
                at(resource("Deployment", "navi").body(), "spec.template.spec");

        @Test
        void whenDeployedThenThePodRunsAsTheUserTheImageIsBuiltFor() {
            var uid = find(Pattern.compile("(?m)^uid=(\\d+)$"), buildScript);

            assertThat(String.valueOf((Object) at(pod, "securityContext.runAsUser")))
                    .isEqualTo(uid);
            assertThat(String.valueOf((Object) at(pod, "securityContext.fsGroup")))
                    .isEqualTo(uid);
        }

        @Test
        void whenKustomizedThenTheImageTagIsTheOneTheBuildScriptGivesThisVersion() {
            Map<String, Object> kustomization = new Yaml().load(OpsArtifacts.read("deploy/k8s/kustomization.yaml"));
            var version = find(
                    Pattern.compile("<artifactId>navi</artifactId>\\s*<version>([^<]+)</version>"),
                    OpsArtifacts.read("pom.xml"));

            assertThat((String) at(pod, "containers.0.image")).isEqualTo("navi");
            assertThat(buildScript).contains("image=${NAVI_IMAGE:-navi:$version}");
            assertThat((String) at(kustomization, "images.0.name")).isEqualTo("navi");
            assertThat(String.valueOf((Object) at(kustomization, "images.0.newTag")))
                    .isEqualTo(version);
        }

        @Test
        void whenTheContainerExposesPortsThenTheImageDeclaresThem() {
            var ports = (List<Map<String, Object>>) at(pod, "containers.0.ports");

            assertThat(ports)
                    .allSatisfy(port -> assertThat(buildScript).contains("\"" + port.get("containerPort") + "/tcp\""));
        }

        @Test
        void whenTheDeploymentGuideNamesKubernetesObjectsThenTheManifestsDefineThem() {
            var guide = OpsArtifacts.read("docs/deployment.md");
            var defined = new LinkedHashSet<String>();
            resources.forEach(r -> defined.add(r.kind().toLowerCase(Locale.ROOT) + "/" + r.name()));

            assertThat(named(guide))
                    .contains("deployment/navi")
                    .allSatisfy(n -> assertThat(defined).contains(n));
            // only kubectl's -n: ctr's is containerd's namespace
            var kubectlLines =
                    guide.lines().filter(line -> line.contains("kubectl")).toList();

            assertThat(OncallPlaybookTest.find(NAMESPACE, String.join("\n", kubectlLines)))
                    .isNotEmpty()
                    .allSatisfy(flag ->
                            assertThat(defined).contains("namespace/" + flag.substring(flag.lastIndexOf(' ') + 1)));
        }

        private static String find(Pattern pattern, String text) {
            var matcher = pattern.matcher(text);
            assertThat(matcher.find()).as(pattern.pattern()).isTrue();
            return matcher.group(1);
        }
    }

    private static Set<String> named(String doc) {
        var named = new LinkedHashSet<String>();
        for (var pattern : List.of(KIND_SLASH_NAME, KIND_NAME)) {
            var matcher = pattern.matcher(doc);
            while (matcher.find()) {
                named.add(matcher.group(1).toLowerCase(Locale.ROOT) + "/" + matcher.group(2));
            }
        }
        return named;
    }

    @Test
    void whenThePlaybookNamesKubernetesObjectsThenTheManifestsDefineThem() {
        var playbook = OpsArtifacts.read("docs/oncall.md");
        var named = named(playbook);
        var defined = new LinkedHashSet<String>();
        resources.forEach(r -> defined.add(r.kind().toLowerCase(Locale.ROOT) + "/" + r.name()));

        assertThat(named).contains("deployment/navi", "configmap/navi-config", "secret/navi-secrets");
        assertThat(defined).containsAll(named);
        assertThat(OncallPlaybookTest.find(NAMESPACE, playbook))
                .allSatisfy(
                        flag -> assertThat(defined).contains("namespace/" + flag.substring(flag.lastIndexOf(' ') + 1)));
        var labels = LABEL.matcher(playbook);
        while (labels.find()) {
            assertThat((Map<String, Object>) at(resource("Deployment", "navi").body(), "spec.template.metadata.labels"))
                    .containsEntry(labels.group(1), labels.group(2));
        }
    }

    private Resource resource(String kind, String name) {
        return resources.stream()
                .filter(r -> r.kind().equals(kind) && r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        var current = node;
        for (var key : path.split("\\.")) {
            current = current instanceof List<?> list
                    ? list.get(Integer.parseInt(key))
                    : ((Map<String, Object>) current).get(key);
            if (current == null) {
                throw new AssertionError("missing " + path + " (at " + key + ")");
            }
        }
        return (T) current;
    }

    @SuppressWarnings("unchecked")
    private static List<Resource> resources() {
        var all = new ArrayList<Resource>();
        try (var files = Files.list(OpsArtifacts.root().resolve("deploy/k8s"))) {
            for (var file : files.sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                for (var document : new Yaml().loadAll(Files.readString(file))) {
                    var body = (Map<String, Object>) document;
                    Map<String, Object> metadata = at(body, "metadata");
                    all.add(new Resource(
                            file.getFileName().toString(),
                            (String) body.get("kind"),
                            (String) metadata.get("name"),
                            (String) metadata.get("namespace"),
                            body));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
