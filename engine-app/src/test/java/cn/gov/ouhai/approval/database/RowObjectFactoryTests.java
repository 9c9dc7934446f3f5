package cn.gov.ouhai.approval.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.ouhai.approval.PlatformTest;

@PlatformTest
class RowObjectFactoryTests {

	@Autowired
	SqlSessionFactory sessions;

	/** A row record as the modules write them: package-private, so not accessible to MyBatis as it is. */
	record Row(String caseNo, int priority, Instant due) {
		Row {
			if (priority < 0) {
				throw new IllegalArgumentException("priority " + priority);
			}
		}
	}

	@Test
	void thePlatformsMappersUseIt() {
		assertThat(this.sessions.getConfiguration().getObjectFactory()).isInstanceOf(RowObjectFactory.class);
	}

	@Test
	void createsPackagePrivateRecordsRowAfterRow() {
		RowObjectFactory factory = new RowObjectFactory();
		Instant due = Instant.parse("2026-06-11T16:00:00Z");
		for (int i = 0; i < 3; i++) {
			Row row = factory.create(Row.class, List.of(String.class, int.class, Instant.class),
					List.of("330304-20260610-00000" + i, 50 + i, due));
			assertThat(row).isEqualTo(new Row("330304-20260610-00000" + i, 50 + i, due));
		}
	}

	@Test
	void makesCollectionsAsMyBatisDoes() {
		assertThat(new RowObjectFactory().create(List.class)).isInstanceOf(ArrayList.class);
	}

	@Test
	void saysWhatFailed() {
		RowObjectFactory factory = new RowObjectFactory();
		assertThatThrownBy(() -> factory.create(Row.class, List.of(String.class, int.class, Instant.class),
				List.of("330304-20260610-000001", -1, Instant.EPOCH)))
			.isInstanceOf(ReflectionException.class)
			.hasMessageContaining("Row")
			.hasMessageContaining("priority -1");
		assertThatThrownBy(() -> factory.create(Row.class, List.of(String.class), List.of("x")))
			.isInstanceOf(ReflectionException.class)
			.hasMessageContaining("Row");
	}

}
