package cn.gov.ouhai.approval.cases;

/** A natural person (ID card number) or an organisation (unified social credit code). */
public enum ApplicantType {

	PERSON, ORG

}
