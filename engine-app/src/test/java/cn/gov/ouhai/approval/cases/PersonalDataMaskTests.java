package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskTests {

	@Test
	void masksNamesIdNumbersAndPhones() {
		assertThat(PersonalDataMask.name("张三", ApplicantType.PERSON)).isEqualTo("张*");
		assertThat(PersonalDataMask.name("欧阳娜娜", ApplicantType.PERSON)).isEqualTo("欧**娜");
		assertThat(PersonalDataMask.name("温州市瓯海区好味餐饮店", ApplicantType.ORG)).isEqualTo("温州市瓯海区好味餐饮店");
		assertThat(PersonalDataMask.idNumber("330304199003071234")).isEqualTo("330304********1234");
		assertThat(PersonalDataMask.phone("13812345678")).isEqualTo("138****5678");
		assertThat(PersonalDataMask.phone("0577-8888888")).isEqualTo("057*****8888");
		assertThat(PersonalDataMask.idNumber("12345")).isEqualTo("*****");
	}

}
