package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies a configuration folder into an instance's etc directory, replacing {@code @KEY@}
 * placeholders. An {@code asterisk.conf} and a {@code manager.conf} are written when the folder has
 * none, so a test's minimal dialplan still gets private directories and an AMI user.
 */
final class AsteriskInstanceConfig {

    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z0-9_]*)@");

    private AsteriskInstanceConfig() {
    }

    static void write(Path configDir, Path etc, Map<String, String> substitutions, Map<String, String> extraFiles) {
        try {
            Files.createDirectories(etc);
            try (Stream<Path> files = Files.list(configDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Files.writeString(etc.resolve(file.getFileName().toString()), substitute(text, substitutions, file));
                }
            }
            writeIfMissing(etc.resolve("asterisk.conf"), defaultAsteriskConf(), substitutions);
            writeIfMissing(etc.resolve("manager.conf"), defaultManagerConf(), substitutions);
            for (Map.Entry<String, String> extra : extraFiles.entrySet()) {
                Files.writeString(etc.resolve(extra.getKey()), substitute(extra.getValue(), substitutions, etc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Asterisk configuration into " + etc, e);
        }
    }

    /** Unknown placeholders fail here, not as a puzzling Asterisk error later. */
    static String substitute(String text, Map<String, String> substitutions, Path source) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = substitutions.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder " + matcher.group() + " in " + source
                        + "; known: " + substitutions.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void writeIfMissing(Path file, String template, Map<String, String> substitutions) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, substitute(template, substitutions, file));
        }
    }

    private static String defaultAsteriskConf() {
        return """
                ; written by RealAsterisk: every writable directory is private to this instance
                [directories]
                astetcdir => @INSTANCE_DIR@/etc
                astrundir => @INSTANCE_DIR@/run
                astspooldir => @INSTANCE_DIR@/spool
                astlogdir => @INSTANCE_DIR@/log
                astdbdir => @INSTANCE_DIR@/db
                astvarlibdir => /var/lib/asterisk
                astdatadir => /usr/share/asterisk
                astagidir => /usr/share/asterisk/agi-bin
                astmoddir => /usr/lib/x86_64-linux-gnu/asterisk/modules
                astkeydir => /usr/share/asterisk

                [options]
                nocolor = yes
                maxload = 0
                """;
    }

    private static String defaultManagerConf() {
        return """
                ; written by RealAsterisk
                [general]
                enabled = yes
                port = @AMI_PORT@
                bindaddr = 127.0.0.1

                [@AMI_USER@]
                secret = @AMI_SECRET@
                deny = 0.0.0.0/0.0.0.0
                permit = 127.0.0.1/255.255.255.255
                read = all
                write = all
                """;
    }
}
