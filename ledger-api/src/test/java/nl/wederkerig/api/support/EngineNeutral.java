package nl.wederkerig.api.support;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What this test checks does not depend on the database engine: it uses no database (the code's
 * architecture, message bundles), checks what a browser renders of pages whose rules and storage
 * the HTTP tests already cover on both engines, or starts the packaged application on its embedded
 * H2 default whatever the profile. The PostgreSQL profile skips it ({@code excludedGroups} in
 * ledger-api's pom), so CI does not run the same check twice on the same engine; {@code ./test}
 * runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(EngineNeutral.TAG)
public @interface EngineNeutral {

    String TAG = "engine-neutral";
}
