/**
 * The platform's conventions for process models, decision tables and forms: one set of rules that
 * {@code scripts/validate-models} runs over the repository and the engine runs on every deployment
 * a person makes (the Camunda Modeler's deploy, {@code scripts/deploy-models}).
 */
package cn.gov.ouhai.approval.models;
