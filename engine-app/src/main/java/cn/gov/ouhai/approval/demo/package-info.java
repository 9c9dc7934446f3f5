/**
 * The demo profile only: demo users with password {@code demo} and a few demo cases, so a newcomer
 * can click through Tasklist at once. Nothing here exists without the profile.
 */
package cn.gov.ouhai.approval.demo;
