package nl.wederkerig.benchmarks;

import nl.wederkerig.api.WederkerigApplication;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real application (WederkerigApplication, every bean as in production) on its own H2 file
 * database and a random HTTP port. Only logging is quieter, so the table stays readable.
 */
final class LedgerApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final long startupMillis;

    private LedgerApp(ConfigurableApplicationContext context, long startupMillis) {
        this.context = context;
        this.startupMillis = startupMillis;
    }

    /** @param databaseFile H2 file path without the .mv.db suffix; must not exist yet for a fresh book */
    static LedgerApp start(Path databaseFile, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", "jdbc:h2:file:" + databaseFile.toAbsolutePath() + defaultUrlOptions());
        properties.put("server.port", 0);
        // The keys beside this book's database, not in the working directory shared by every run.
        Path keys = databaseFile.toAbsolutePath().resolveSibling(databaseFile.getFileName() + "-keys");
        properties.put("wederkerig.privacy.master-key-file", keys.resolve("master-keyset.json"));
        properties.put("wederkerig.privacy.key-directory", keys.resolve("subjects"));
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        // Shutting the processor down for a replay is expected here, not worth a warning each time.
        properties.put("logging.level.org.axonframework", "ERROR");
        // Axon's @EventHandler triggers a Spring 6 deprecation notice: not ours to fix, and noise in the table.
        properties.put("logging.level.org.springframework.core.annotation", "ERROR");
        properties.putAll(extraProperties);
        // Axon's update checker calls get.axoniq.io from a background thread: noise in a measurement.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        ReadyListener ready = new ReadyListener();
        long startNanos = System.nanoTime();
        // As command-line arguments: they outrank application.yml (default properties would not).
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WederkerigApplication.class)
                .listeners(ready)
                .run(arguments);
        String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
        if (!url.contains(databaseFile.toAbsolutePath().toString())) {
            context.close();
            throw new IllegalStateException("the application ignored the benchmark's database and chose " + url);
        }
        return new LedgerApp(context, TimeUnit.NANOSECONDS.toMillis(ready.readyNanos - startNanos));
    }

    /**
     * The options (";CACHE_SIZE=…" and the like) of the application's own default database URL in
     * application.yml, so the benchmark's database behaves like a neighbourhood's.
     */
    static String defaultUrlOptions() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String url = yaml.getObject().getProperty("spring.datasource.url", "");
        int options = url.indexOf(';');
        return options < 0 ? "" : url.substring(options);
    }

    long startupMillis() {
        return startupMillis;
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** e.g. "H2 2.3.232 (2024-08-11)" */
    String databaseVersion() {
        try (java.sql.Connection connection = bean(javax.sql.DataSource.class).getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the database version", e);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Ready means: context refreshed, runners done, web server listening. */
    private static final class ReadyListener implements ApplicationListener<ApplicationReadyEvent> {
        private volatile long readyNanos;

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            readyNanos = System.nanoTime();
        }
    }
}
