/**
 * The catalog: matters (事项) with their materials and limits, departments and service stations.
 * Other modules read it through {@link cn.gov.ouhai.approval.catalog.Catalog}.
 */
package cn.gov.ouhai.approval.catalog;
