/**
 * Reviews (好差评): one review per case and channel after completion; a bad one (1 or 2) starts the
 * rectification process (差评整改, {@code Process_ReviewRectification}), whose steps this module works.
 */
package cn.gov.ouhai.approval.review;
