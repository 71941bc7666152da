package io.brandsignal.testsupport;

/**
 * Connection settings of a PostgreSQL database a test uses.
 *
 * @param jdbcUrl the JDBC URL
 * @param username the user
 * @param password the password
 */
public record TestPostgres(String jdbcUrl, String username, String password) {
}
