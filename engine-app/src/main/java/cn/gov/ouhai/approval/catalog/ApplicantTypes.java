package cn.gov.ouhai.approval.catalog;

/** Who may apply for a matter: natural persons, organisations, or either. */
public enum ApplicantTypes {

	PERSON, ORG, ANY;

	public boolean admits(String applicantType) {
		return this == ANY || name().equals(applicantType);
	}

}
