package fr.jalon.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An HTTP test: the application's real routes on one server shared by every HTTP test of the
 * JVM (on the one embedded database), and constructor parameters resolved by
 * {@link HttpTestExtension}: {@code ApiClient} (an administrator's), {@code Fixtures} and
 * {@code URI} (the server's base address).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(HttpTestExtension.class)
public @interface HttpTest {
}
