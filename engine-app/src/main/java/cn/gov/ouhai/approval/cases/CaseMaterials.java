package cn.gov.ouhai.approval.cases;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.gov.ouhai.approval.cases.CaseViews.FileLink;
import cn.gov.ouhai.approval.cases.CaseViews.MaterialView;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.catalog.MatterKind;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.files.CaseFile;
import cn.gov.ouhai.approval.files.CaseFiles;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.web.ApiException;

/** A case's materials with the files behind them, and who may read those files. */
@Service
class CaseMaterials {

	private final CaseMapper mapper;

	private final CaseFiles files;

	CaseMaterials(CaseMapper mapper, CaseFiles files) {
		this.mapper = mapper;
		this.files = files;
	}

	List<MaterialView> of(CaseRecord record, Matter matter) {
		Map<String, CaseMapper.CaseMaterialRow> rows = this.mapper.materials(record.caseNo())
			.stream()
			.collect(Collectors.toMap(CaseMapper.CaseMaterialRow::materialCode, Function.identity()));
		Map<String, List<CaseFile>> byMaterial = this.files.of(record.caseNo())
			.stream()
			.collect(Collectors.groupingBy(CaseFile::materialCode));
		// 一件事: a bundle records only the shared materials its chosen matters need
		return matter.materials().stream().filter(m -> matter.kind() != MatterKind.BUNDLE || rows.containsKey(m.code())).map(m -> {
			CaseMapper.CaseMaterialRow row = rows.get(m.code());
			List<FileLink> links = byMaterial.getOrDefault(m.code(), List.of()).stream().map(CaseMaterials::link).toList();
			return new MaterialView(m.code(), m.name(), m.tolerable(), row != null && row.provided(),
					row != null && row.requested(), row == null ? null : row.originalSeenBy(),
					row == null ? null : EngineClock.local(row.originalSeenAt()), links);
		}).toList();
	}

	/**
	 * Only the department that owns the case, the window (综合窗口) that takes its materials and the
	 * supervisors read the files: applicants' documents are not for other departments, nor for the
	 * platform's administrators as such.
	 */
	static void mayRead(CurrentUser user, Matter matter) {
		boolean allowed = user.departments().contains(matter.department().code()) || user.in(Groups.WINDOW)
				|| user.in(Groups.SUPERVISOR);
		if (!allowed) {
			throw ApiException.forbidden("只有承办部门、综合窗口和督查人员可以查看申请材料 / Only the owning department, the "
					+ "window and supervisors may read the materials");
		}
	}

	private static FileLink link(CaseFile file) {
		return new FileLink(file.id(), file.fileName(), file.mediaType(), file.sizeBytes(), file.uploadedBy(),
				EngineClock.local(file.uploadedAt()), EngineClock.local(file.removedAt()),
				file.removedAt() != null ? null : "/api/cases/" + file.caseNo() + "/files/" + file.id());
	}

}
