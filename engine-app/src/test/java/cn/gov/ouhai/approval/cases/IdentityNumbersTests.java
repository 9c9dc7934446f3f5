package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityNumbersTests {

	@Test
	void acceptsResidentIdsWithTheirCheckDigit() {
		// check digits worked by hand with GB 11643's weights
		assertThat(IdentityNumbers.validResidentId("11010519491231002X")).isTrue();
		assertThat(IdentityNumbers.validResidentId("330304199003071234")).isTrue();
		assertThat(IdentityNumbers.validResidentId("330304199003071235")).isFalse();
		assertThat(IdentityNumbers.validResidentId("33030419900307123")).isFalse();
		assertThat(IdentityNumbers.validResidentId("11010519491231002x")).isFalse();
		assertThat(IdentityNumbers.validResidentId(null)).isFalse();
	}

	@Test
	void acceptsCreditCodesWithTheirCheckCharacter() {
		assertThat(IdentityNumbers.validCreditCode("91350100M000100Y43")).isTrue();
		assertThat(IdentityNumbers.validCreditCode("91330304MA2L8K5Q6F")).isTrue();
		assertThat(IdentityNumbers.validCreditCode("91330304MA2L8K5Q6G")).isFalse();
		assertThat(IdentityNumbers.validCreditCode("91330304MA2L8K5QIF")).isFalse(); // I is not in the alphabet
		assertThat(IdentityNumbers.validCreditCode("9133030")).isFalse();
	}

}
