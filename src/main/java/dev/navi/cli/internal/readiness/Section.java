package dev.navi.cli.internal.readiness;

/** The sections of the review, in the order the report shows them. */
enum Section {
    E2E_VALIDATION("E2E validation"),
    DASHBOARDS("Dashboards"),
    SLOS("SLOs"),
    ALERT_RULES("Alert rules"),
    ONCALL("On-call playbook"),
    CONNECTIONS("Connection handling (stream timeouts and heartbeats)"),
    RATE_LIMITS("Rate-limit handling"),
    SECURITY("Code and configuration security"),
    MONITORING("Monitoring"),
    TESTING("Testing"),
    DEPLOYMENT("Deployment");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }
}
