/**
 * Storage: the PostgreSQL data source (an embedded server when no database URL is configured) and
 * its Flyway migrations.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Database",
        allowedDependencies = {})
package dev.navi.database;
