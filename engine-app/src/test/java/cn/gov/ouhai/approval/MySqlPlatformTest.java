package cn.gov.ouhai.approval;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole platform on MySQL (profile {@code mysql}; the machine's MariaDB through Connector/J) in
 * a database of the class's own, behind a real server on a random port. Tagged {@code mysql}: the
 * MySQL suite runs in its own JVM. The context closes after the class, then the database is dropped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("mysql")
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test", "mysql" })
@DirtiesContext
public @interface MySqlPlatformTest {
}
