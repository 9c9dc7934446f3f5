/**
 * Files (材料附件): the content of the materials applicants hand in. Checked by what the content is
 * (not its name), kept content-addressed behind {@link cn.gov.ouhai.approval.files.FileStore}, recorded
 * per case and material, and removed only when the engine's history cleanup has removed the case.
 */
package cn.gov.ouhai.approval.files;
