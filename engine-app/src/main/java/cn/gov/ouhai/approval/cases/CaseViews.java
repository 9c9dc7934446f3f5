package cn.gov.ouhai.approval.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.CaseSla;
import cn.gov.ouhai.approval.sla.Light;
import cn.gov.ouhai.approval.sla.PauseKind;

/** What the case endpoints answer; applicants' personal data only masked. */
final class CaseViews {

	private CaseViews() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record IntakeAnswer(String caseNo, CaseStatus status, String matterCode, String station, Handling handling,
			OffsetDateTime receivedAt, OffsetDateTime dueDate, LocalDate dueDay, IntakeNotice notice, String refersTo) {
	}

	record ApplicantView(ApplicantType type, String name, String idNumber, String phone) {

		static ApplicantView masked(CaseRecord record) {
			return new ApplicantView(record.applicantType(),
					PersonalDataMask.name(record.applicantName(), record.applicantType()),
					PersonalDataMask.idNumber(record.applicantIdNumber()),
					PersonalDataMask.phone(record.applicantPhone()));
		}

	}

	record MatterRef(String code, String name, String department, String departmentName) {
	}

	/**
	 * A material of a case: provided when a file backs it or the window clerk has seen the paper
	 * original; {@code requested} while a supplement notice asks for it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MaterialView(String code, String name, boolean tolerable, boolean provided, boolean requested,
			String originalSeenBy, OffsetDateTime originalSeenAt, List<FileLink> files) {
	}

	/** A file backing a material; {@code href} opens it (images and PDFs in the browser). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FileLink(String id, String name, String mediaType, long size, String uploadedBy, OffsetDateTime uploadedAt,
			OffsetDateTime removedAt, String href) {
	}

	/** A step on a case's timeline; a bundle's (一件事) also shows its matters' steps, each with its case number. */
	record TimelineEntry(OffsetDateTime at, String kind, String stepId, String step, String actor, String decision,
			String opinion, String caseNo) {
	}

	/** 一件事: a matter of a bundle, a case of its own with its department, status and light. */
	record ChildCase(String caseNo, CaseStatus status, MatterRef matter, SlaView sla) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CaseDetail(String caseNo, CaseStatus status, MatterRef matter, ApplicantView applicant, Channel channel,
			String station, Handling handling, PriorityReason priority, boolean commitment, String refusalReason,
			String refersTo, OffsetDateTime receivedAt,
			String acceptedBy, OffsetDateTime completedAt, SlaView sla, List<MaterialView> materials,
			List<TimelineEntry> timeline, List<NoticeLink> notices, String bundleCaseNo, List<ChildCase> children) {
	}

	/** The printable page of the notice the applicant got at intake ({@code /cases/{no}/notices/{kind}}). */
	record NoticeLink(String kind, String title, String href) {

		static List<NoticeLink> of(String caseNo, IntakeNotice notice) {
			if (notice == null) {
				return List.of();
			}
			// ACCEPTANCE_NOTICE → acceptance, ONE_TIME_NOTICE → one-time
			String kind = notice.kind().replace("_NOTICE", "").replace('_', '-').toLowerCase(Locale.ROOT);
			return List.of(new NoticeLink(kind, notice.title(), "/cases/" + caseNo + "/notices/" + kind));
		}

	}

	/**
	 * The case clock: due at 24:00 of {@code dueDay}; frozen while {@code paused}; {@code provisional}
	 * while it counts on a year whose official holiday schedule is not loaded (it may still move).
	 */
	record SlaView(int limitWorkdays, OffsetDateTime dueDate, LocalDate dueDay, int workdaysLeft, Light light,
			boolean paused, PauseKind pauseKind, int pausedWorkdays, boolean provisional) {

		static SlaView of(CaseSla sla) {
			return sla == null ? null
					: new SlaView(sla.limitWorkdays(), EngineClock.local(sla.dueAt()), sla.dueDay(), sla.workdaysLeft(),
							sla.light(), sla.paused(), sla.pauseKind(), sla.pausedWorkdays(), sla.provisional());
		}

		/** 一件事: the bundle's light is the worst of its own and its open matters' (a late matter makes it late). */
		SlaView worstOf(List<ChildCase> children) {
			Light worst = this.light;
			for (ChildCase child : children) {
				if (child.status().open() && child.sla() != null && child.sla().light().compareTo(worst) > 0) {
					worst = child.sla().light();
				}
			}
			return new SlaView(this.limitWorkdays, this.dueDate, this.dueDay, this.workdaysLeft, worst, this.paused,
					this.pauseKind, this.pausedWorkdays, this.provisional);
		}

	}

	record CaseSummary(String caseNo, CaseStatus status, String matterCode, String matterName, String department,
			ApplicantView applicant, Channel channel, String station, OffsetDateTime receivedAt,
			OffsetDateTime completedAt, SlaView sla) {
	}

	record Page<T>(List<T> items, long total, int page, int size) {
	}

}
