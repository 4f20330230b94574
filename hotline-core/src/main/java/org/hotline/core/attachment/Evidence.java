package org.hotline.core.attachment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Command;
import org.hotline.core.model.Role;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketStatus;

/**
 * The evidence-file use cases: a department (or the center) adds a file to a ticket it may read, a
 * citizen adds photos to their own appeal, a contact or reply names files of its ticket, and whoever
 * may read the ticket reads its files. Who may read the ticket is decided before (data scope, query
 * code); every upload and download is audited.
 */
public final class Evidence {

    private static final int SNIFF_BYTES = 16;

    private final DirectoryAttachmentStore store;
    private final AttachmentConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public Evidence(DirectoryAttachmentStore store, AttachmentConfig config, AuditLog audit, Clock clock) {
        this.store = store;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public AttachmentConfig config() {
        return config;
    }

    /** Refuses a body over the size limit before it is read, from its declared length. */
    public void checkDeclaredSize(long declaredBytes) {
        if (declaredBytes > config.maxBytes()) {
            throw tooLarge();
        }
    }

    /** Stores a file for a ticket the actor may read: only photos and PDF, within the size and count limits. */
    public Future<Attachment> add(Ticket ticket, Actor actor, String name, Buffer bytes) {
        if (actor.role() == Role.CITIZEN && !citizensMayAdd(ticket.status())) {
            return Future.failedFuture(HotlineException.rejected("attachment.ticket-finished", "该工单已答复或已办结，不能再补充照片"));
        }
        FileKind kind;
        try {
            kind = kindOf(bytes);
        } catch (HotlineException refused) {
            return Future.failedFuture(refused);
        }
        Attachment attachment = new Attachment(UUID.randomUUID().toString().replace("-", ""), ticket.id().value(),
            SafeFileName.of(name, kind), kind, bytes.length(), clock.instant(), actor.role(), actor.departmentId(), actor.userId());
        return store.count(ticket.id().value())
            .compose(held -> held >= config.maxPerTicket()
                ? Future.failedFuture(HotlineException.rejected("attachment.too-many", "每张工单最多 " + config.maxPerTicket() + " 个附件"))
                : store.save(attachment, bytes))
            .compose(saved -> audit.record(AuditLog.Entry.change(actor, "attachment.upload", "ticket", ticket.id().value())
                .withOutcome("ok", "attachment=" + saved.id() + ";size=" + saved.size())).map(saved));
    }

    /** The ticket's files, for someone who may read the ticket. */
    public Future<List<Attachment>> list(Ticket ticket) {
        return store.ofTicket(ticket.id().value());
    }

    /** One file of the ticket with its bytes; audited as a read (photos may show people). */
    public Future<Opened> open(Ticket ticket, Actor actor, String attachmentId) {
        return store.find(attachmentId)
            .compose(found -> found.filter(a -> a.ticketId().equals(ticket.id().value()))
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(HotlineException.notFound("attachment.not-found", "附件不存在"))))
            .compose(attachment -> store.read(attachment).map(bytes -> new Opened(attachment, bytes)))
            .compose(opened -> audit.record(new AuditLog.Entry(actor, "attachment.read", "ticket", ticket.id().value(), true, "ok",
                "attachment=" + attachmentId)).map(opened));
    }

    /** A file with its bytes. */
    public record Opened(Attachment attachment, Buffer bytes) {
    }

    /** A contact or reply may only name files already stored with its own ticket. */
    public Future<Void> checkReferences(Ticket ticket, Command command) {
        List<String> named = command instanceof Command.RecordContact contact ? contact.attachments()
            : command instanceof Command.SubmitReply reply ? reply.attachments() : List.of();
        if (named.isEmpty()) {
            return Future.succeededFuture();
        }
        if (named.size() > config.maxPerTicket() || new HashSet<>(named).size() != named.size()) {
            return Future.failedFuture(HotlineException.invalid("attachment.invalid-reference", "附件列表无效：重复或过多"));
        }
        return store.ofTicket(ticket.id().value())
            .compose(held -> held.stream().map(Attachment::id).toList().containsAll(named) ? Future.<Void>succeededFuture()
                : Future.failedFuture(HotlineException.invalid("attachment.invalid-reference", "附件不存在或不属于该工单，请先上传")));
    }

    private FileKind kindOf(Buffer bytes) {
        if (bytes.length() == 0) {
            throw HotlineException.invalid("attachment.empty", "附件为空，请重新选择文件");
        }
        if (bytes.length() > config.maxBytes()) {
            throw tooLarge();
        }
        byte[] head = bytes.getBytes(0, Math.min(SNIFF_BYTES, bytes.length()));
        return FileKind.sniff(head).orElseThrow(() -> HotlineException.invalid("attachment.unsupported-type",
            "只能上传照片（JPEG、PNG、WebP）或 PDF 文件"));
    }

    private HotlineException tooLarge() {
        return HotlineException.invalid("attachment.too-large", "附件过大：单个文件不能超过 " + megabytes(config.maxBytes()) + " MB");
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.floor(mb) ? Long.toString((long) mb) : String.format("%.1f", mb);
    }

    /** Citizens add photos while their appeal is being handled, not after the reply. */
    private static boolean citizensMayAdd(TicketStatus status) {
        return switch (status) {
            case RECEIVED, CLASSIFIED, ASSIGNED, SIGNED, IN_PROGRESS, RETURN_REQUESTED, SUSPENDED -> true;
            case REPLIED, REVIEWED, REVISITED, CLOSED, NOT_ACCEPTED, MERGED -> false;
        };
    }
}
