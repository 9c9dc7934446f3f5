package cn.gov.ouhai.approval.notices;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.cases.ApplicantType;
import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.cases.IntakeNotice;
import cn.gov.ouhai.approval.cases.PersonalDataMask;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Material;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.catalog.Station;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.notices.NoticePage.Applicant;
import cn.gov.ouhai.approval.notices.NoticePage.Fact;
import cn.gov.ouhai.approval.notices.NoticePage.MaterialLine;
import cn.gov.ouhai.approval.sla.CaseClocks;
import cn.gov.ouhai.approval.sla.CaseSla;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;

/**
 * Builds a notice page from the intake notice ({@code Intake.noticeOf}) and what the case, the
 * catalog and the case clock record. The body text is the intake notice's own; this adds the
 * deadlines, the legal lines and the list of materials.
 */
@Component
class NoticePages {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final Cases cases;

	private final Catalog catalog;

	private final CaseClocks clocks;

	private final WorkdayCalendar calendar;

	private final IdentityService identity;

	private final int deficiencyWorkdays;

	private final ManagementService management;

	/** The licence diagrams' timer for the materials owed under 容缺. */
	static final String DEFICIENCY_TIMER = "BoundaryEvent_DeficiencyDue";

	NoticePages(Cases cases, Catalog catalog, CaseClocks clocks, WorkdayCalendar calendar, IdentityService identity,
			ManagementService management, @Value("${app.notices.deficiency-workdays:5}") int deficiencyWorkdays) {
		this.management = management;
		this.cases = cases;
		this.catalog = catalog;
		this.clocks = clocks;
		this.calendar = calendar;
		this.identity = identity;
		this.deficiencyWorkdays = deficiencyWorkdays;
	}

	/** The last day of the 容缺 deadline timer (BoundaryEvent_DeficiencyDue) of the case's process, if any. */
	private LocalDate deficiencyTimer(String processInstanceId) {
		if (processInstanceId == null) {
			return null;
		}
		for (Job job : this.management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
			String activity = this.management.createJobDefinitionQuery()
				.jobDefinitionId(job.getJobDefinitionId())
				.singleResult()
				.getActivityId();
			if (DEFICIENCY_TIMER.equals(activity) && job.getDuedate() != null) {
				return WorkdayCalendar.lastDayOf(job.getDuedate().toInstant());
			}
		}
		return null;
	}

	NoticePage page(CaseRecord record, Matter matter, IntakeNotice notice, NoticeKind kind) {
		Station station = this.catalog.station(record.stationCode()).orElse(null);
		Station centre = station == null || station.parentCode() == null ? station
				: this.catalog.station(station.parentCode()).orElse(station);
		LocalDate received = LocalDate.ofInstant(record.receivedAt(), EngineClock.ZONE);
		CaseSla sla = this.clocks.of(record.caseNo(), null).orElse(null);
		List<Fact> facts = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		String missingHeading = null;
		switch (kind) {
			case ACCEPTANCE -> {
				facts.add(new Fact("办理时限", "法定 " + matter.statutoryWorkdays() + " 个工作日，承诺 "
						+ matter.promisedWorkdays() + " 个工作日"));
				if (sla != null) {
					facts.add(new Fact("办结期限", day(sla.dueDay()) + "（以工作日计，自受理次日起算）" + provisional(sla)));
				}
				notes.add("依法需要听证、检验、检测、现场核查、专家评审的时间和申请人补正材料的时间不计入办理时限，届时另行书面告知。");
				notes.add("请凭本通知书查询办理进度、领取办理结果。");
			}
			case DEFICIENCY -> {
				// the diagram's own deadline timer, while it waits; the default rule otherwise
				LocalDate deadline = deficiencyTimer(record.processInstanceId());
				if (deadline == null) {
					deadline = this.calendar.addWorkdays(received, this.deficiencyWorkdays);
					if (sla != null && sla.dueDay().isBefore(deadline)) {
						deadline = sla.dueDay();
					}
				}
				missingHeading = "容缺（待补齐）材料";
				facts.add(new Fact("补齐期限", day(deadline) + "前（不超过承诺办结期限）"));
				if (sla != null) {
					facts.add(new Fact("承诺办结期限", day(sla.dueDay()) + provisional(sla)));
				}
				notes.add("申请人已签署容缺受理承诺书。补齐上述材料前，审查照常进行，但不发放证照。");
				notes.add("逾期未补齐的，本件终止办理、退回申请材料（退件），并记入申请人信用记录。");
			}
			case ONE_TIME -> {
				missingHeading = "需补齐的全部材料";
				if (record.refersTo() != null) {
					facts.add(new Fact("前次告知", "办件编号 " + record.refersTo()));
				}
				facts.add(new Fact("告知依据", "《中华人民共和国行政许可法》第三十二条"));
				notes.add("以上为需补齐的全部材料，一次告知。请补齐后持本告知书到窗口重新提交申请。");
			}
			case REFUSAL -> {
				// the reason is in the notice's text
				notes.add("申请人如不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。");
			}
		}
		List<MaterialLine> missing = new ArrayList<>();
		for (Material material : notice.missing()) {
			missing.add(line(missing.size() + 1, material, null));
		}
		Set<String> provided = new HashSet<>(this.cases.providedMaterials(record.caseNo()));
		List<MaterialLine> materials = new ArrayList<>();
		for (Material material : matter.materials()) {
			materials.add(line(materials.size() + 1, material, provided.contains(material.code()) ? "已收" : "未收"));
		}
		return new NoticePage(kind.path(), notice.title(), centre == null ? "" : centre.name(),
				station == null ? record.stationCode() : station.name(), record.caseNo(), day(received), matter.name(),
				matter.code(), matter.department().name(), applicant(record), notice.text(), missingHeading, missing,
				facts, notes, materials, clerk(record.acceptedBy()), QrCode.of(record.caseNo()));
	}

	private static Applicant applicant(CaseRecord record) {
		boolean person = record.applicantType() == ApplicantType.PERSON;
		return new Applicant(person ? "自然人" : "法人或其他组织",
				PersonalDataMask.name(record.applicantName(), record.applicantType()),
				person ? "居民身份证号码" : "统一社会信用代码", PersonalDataMask.idNumber(record.applicantIdNumber()),
				PersonalDataMask.phone(record.applicantPhone()));
	}

	private static MaterialLine line(int no, Material material, String state) {
		return new MaterialLine(no, material.code(), material.name(), material.tolerable() ? "次要" : "主要", state);
	}

	/** The clerk as the engine knows them (姓 + 名), else the login. */
	private String clerk(String userId) {
		if (userId == null) {
			return "";
		}
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		String name = user == null ? ""
				: (user.getLastName() == null ? "" : user.getLastName())
						+ (user.getFirstName() == null ? "" : user.getFirstName());
		return name.isBlank() ? userId : name;
	}

	/** The mark on a date counted on a year whose official holiday schedule is not out yet. */
	private static String provisional(CaseSla sla) {
		return sla.provisional() ? "【暂定：按法定节假日推算，国务院公布当年放假安排后可能调整，届时另行告知】" : "";
	}

	private static String day(LocalDate date) {
		return date.format(DAY);
	}

}
