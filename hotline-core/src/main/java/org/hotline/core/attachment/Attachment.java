package org.hotline.core.attachment;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hotline.core.model.Role;

/**
 * One stored evidence file's description (the bytes live in the store's folder): which ticket it
 * belongs to, its safe name, the kind sniffed from its bytes, its size, and who uploaded it when.
 * The uploader is kept as a role and department, plus the user id that only center staff are shown.
 */
public record Attachment(String id, String ticketId, String fileName, FileKind kind, long size, Instant at,
                         Role uploaderRole, String uploaderDepartment, String uploaderId) {

    private static final Pattern ID = Pattern.compile("[a-f0-9]{32}");

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether {@code text} can be an attachment id at all (ids are 32 lower-case hex digits). */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    Map<String, String> toFields() {
        return Map.of("ticketId", ticketId, "fileName", fileName, "contentType", kind.contentType(), "size", Long.toString(size),
            "at", at.toString(), "role", uploaderRole.name(), "department", uploaderDepartment == null ? "" : uploaderDepartment,
            "user", uploaderId);
    }

    static Attachment fromFields(String id, Map<String, String> fields) {
        String department = fields.get("department");
        return new Attachment(id, fields.get("ticketId"), fields.get("fileName"),
            FileKind.ofContentType(fields.get("contentType")).orElseThrow(), Long.parseLong(fields.get("size")),
            Instant.parse(fields.get("at")), Role.valueOf(fields.get("role")), department == null || department.isEmpty() ? null : department,
            fields.get("user"));
    }

    /** How the API lists it; {@code withUser}: center staff see who uploaded it. */
    public JsonObject toJson(boolean withUser) {
        JsonObject json = new JsonObject().put("id", id).put("fileName", fileName).put("contentType", kind.contentType())
            .put("size", size).put("at", at.toString()).put("uploaderRole", uploaderRole.name())
            .put("uploaderDepartment", uploaderDepartment);
        return withUser ? json.put("uploaderId", uploaderId) : json;
    }
}
