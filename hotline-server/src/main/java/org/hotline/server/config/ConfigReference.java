package org.hotline.server.config;

/** Writes the configuration reference (docs/configuration.md) from {@link Setting}. */
public final class ConfigReference {

    private ConfigReference() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("Generated from `org.hotline.server.config.Setting` by `ConfigReference` (a test keeps this\n")
                .append("file equal to the generated text). Values come from defaults, then the properties file named\n")
                .append("by `HOTLINE_CONFIG_FILE`, then environment variables. An unknown `HOTLINE_*` variable stops the start.\n\n")
                .append("| variable | default | meaning |\n|---|---|---|\n");
        for (Setting setting : Setting.values()) {
            String shown = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
            out.append("| `").append(setting.name()).append("` | ").append(shown).append(" | ")
                    .append(setting.description()).append(" |\n");
        }
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
