package cn.gov.ouhai.approval.notices;

import java.util.List;

/**
 * What a notice page shows, already in the words and formats printed on paper. The applicant is
 * masked here: the template never sees an ID number or phone in full.
 */
record NoticePage(String kind, String title, String centre, String station, String caseNo, String issuedOn,
		String matterName, String matterCode, String department, Applicant applicant, String text,
		String missingHeading, List<MaterialLine> missing, List<Fact> facts, List<String> notes,
		List<MaterialLine> materials, String clerk, QrCode qr) {

	/** The applicant as printed: masked name (organisations keep theirs), ID number and phone. */
	record Applicant(String type, String name, String idLabel, String idNumber, String phone) {
	}

	/** A numbered material with its kind (主要 / 次要) and whether the window has it. */
	record MaterialLine(int no, String code, String name, String category, String state) {
	}

	/** A labelled line under the body: 办结期限, 补齐期限 and the like. */
	record Fact(String label, String value) {
	}

}
