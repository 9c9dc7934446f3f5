package cn.gov.ouhai.approval.cases;

/** Which case a process is the own process of, and its matter: what a list of steps shows of it. */
public record CaseOfProcess(String processInstanceId, String caseNo, String matterCode) {
}
