/**
 * One-thing bundles (一件事): several matters of several departments taken in as one application,
 * the matters chosen by the applicant's answers (情形引导), one time limit, certificates together.
 */
package cn.gov.ouhai.approval.bundles;
