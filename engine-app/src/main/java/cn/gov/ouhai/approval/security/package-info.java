/**
 * Who may do what: HTTP Basic against the engine's users for {@code /api} and {@code /engine-rest},
 * groups and authorizations, the first administrator, and guards for Camunda 7.24's known holes.
 */
package cn.gov.ouhai.approval.security;
