package org.hotline.core.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Category;
import org.hotline.core.model.Command;
import org.hotline.core.model.ReplyResult;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.UrgeLevel;
import org.hotline.core.model.Urgency;
import org.hotline.core.time.TimeLimit;

/**
 * The ticket actions of {@code POST /api/v1/tickets/{id}/{action}}: for each, the strict body it reads
 * and the domain command it becomes. Who may do what is decided by the domain rules, not here.
 */
final class TicketActions {

    record Answer(String answer) { }
    record Classify(String categoryCode, AppealType appealType, Urgency urgency, String reason) { }
    record Assign(String lead, List<String> assisting, String reason) { }
    record SubAssign(String subUnit, String reason) { }
    record Empty() { }
    record Note(String note) { }
    record Reply(String text, ReplyResult result, List<String> attachments) { }
    record Return(String reason, String responsibleParty) { }
    record ApproveReturn(String newLead, List<String> assisting, String reason) { }
    record Reason(String reason) { }
    record Extension(Integer workingDays, String reason) { }
    record Urge(UrgeLevel level, String reason) { }
    record Visit(Resolution resolution, Satisfaction satisfaction, String note) { }
    record NotAccept(String reason, String properChannel) { }
    record Merge(String masterTicketId, String reason) { }

    /** One action: its body type and how the body becomes a command. */
    record Action<B>(Class<B> body, Function<B, Command> command) {
        Command toCommand(Object parsed) {
            return Requests.build(() -> command.apply(body.cast(parsed)));
        }
    }

    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_ATTACHMENT_REF = 500;

    private final Map<String, Action<?>> actions;

    TicketActions(Supplier<CategoryCatalog> catalog) {
        actions = Map.ofEntries(
            Map.entry("answer", new Action<>(Answer.class, b -> new Command.AnswerDirectly(b.answer()))),
            Map.entry("classify", new Action<>(Classify.class,
                b -> new Command.Classify(category(catalog.get(), b.categoryCode()), b.appealType(), b.urgency(), b.reason()))),
            Map.entry("assign", new Action<>(Assign.class, b -> new Command.Assign(b.lead(), units(b.assisting()), b.reason()))),
            Map.entry("reassign", new Action<>(Assign.class, b -> new Command.Reassign(b.lead(), units(b.assisting()), b.reason()))),
            Map.entry("sub-assign", new Action<>(SubAssign.class, b -> new Command.SubAssign(b.subUnit(), b.reason()))),
            Map.entry("sub-assign/withdraw", new Action<>(Reason.class, b -> new Command.WithdrawSubAssignment(b.reason()))),
            Map.entry("sign", new Action<>(Empty.class, b -> new Command.Sign())),
            Map.entry("contact", new Action<>(Note.class, b -> new Command.RecordContact(b.note()))),
            Map.entry("reply", new Action<>(Reply.class, b -> new Command.SubmitReply(withAttachments(b), b.result()))),
            Map.entry("request-return", new Action<>(Return.class, b -> new Command.RequestReturn(b.reason(), b.responsibleParty()))),
            Map.entry("approve-return", new Action<>(ApproveReturn.class,
                b -> new Command.ApproveReturn(b.newLead(), units(b.assisting()), b.reason()))),
            Map.entry("reject-return", new Action<>(Reason.class, b -> new Command.RejectReturn(b.reason()))),
            Map.entry("request-extension", new Action<>(Extension.class, b -> new Command.RequestExtension(extension(b), b.reason()))),
            Map.entry("approve-extension", new Action<>(Reason.class, b -> new Command.ApproveExtension(b.reason()))),
            Map.entry("reject-extension", new Action<>(Reason.class, b -> new Command.RejectExtension(b.reason()))),
            Map.entry("urge", new Action<>(Urge.class, b -> new Command.Urge(b.level(), b.reason()))),
            Map.entry("accept-reply", new Action<>(Reason.class, b -> new Command.AcceptReply(b.reason()))),
            Map.entry("send-back-reply", new Action<>(Reason.class, b -> new Command.SendBackReply(b.reason()))),
            Map.entry("revisit", new Action<>(Visit.class, b -> new Command.RecordReturnVisit(b.resolution(), b.satisfaction(), b.note()))),
            Map.entry("rehandle", new Action<>(Reason.class, b -> new Command.Rehandle(b.reason()))),
            Map.entry("close", new Action<>(Reason.class, b -> new Command.Close(b.reason()))),
            Map.entry("not-accept", new Action<>(NotAccept.class, b -> new Command.NotAccept(b.reason(), b.properChannel()))),
            Map.entry("merge", new Action<>(Merge.class, b -> new Command.MergeInto(new TicketId(b.masterTicketId()), b.reason()))),
            Map.entry("unmerge", new Action<>(Reason.class, b -> new Command.Unmerge(b.reason()))),
            Map.entry("suspend", new Action<>(Reason.class, b -> new Command.Suspend(b.reason()))),
            Map.entry("resume", new Action<>(Reason.class, b -> new Command.Resume(b.reason()))));
    }

    Optional<Action<?>> find(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    private static Category category(CategoryCatalog catalog, String code) {
        if (code == null) {
            throw HotlineException.invalid("request.missing-field", "缺少必填字段：categoryCode");
        }
        return catalog.find(code).orElseThrow(() -> HotlineException.invalid("catalog.unknown-category", "事项分类编码不存在：" + code));
    }

    private static Set<String> units(List<String> assisting) {
        return assisting == null ? Set.of() : Set.copyOf(assisting);
    }

    private static TimeLimit extension(Extension body) {
        if (body.workingDays() == null || body.workingDays() < 1 || body.workingDays() > 10) {
            throw HotlineException.invalid("extension.invalid-amount", "延期天数须为 1 到 10 个工作日");
        }
        return TimeLimit.workingDays(body.workingDays());
    }

    /** Attachments are references (file ids or URLs) kept with the reply text, never the files themselves. */
    private static String withAttachments(Reply body) {
        List<String> refs = body.attachments() == null ? List.of() : body.attachments();
        if (refs.size() > MAX_ATTACHMENTS) {
            throw HotlineException.invalid("reply.too-many-attachments", "附件不能超过 " + MAX_ATTACHMENTS + " 个");
        }
        for (String ref : refs) {
            if (ref == null || ref.isBlank() || ref.length() > MAX_ATTACHMENT_REF || ref.chars().anyMatch(Character::isISOControl)) {
                throw HotlineException.invalid("reply.invalid-attachment", "附件引用无效");
            }
        }
        return refs.isEmpty() || body.text() == null ? body.text() : body.text() + "\n附件：" + String.join("；", refs);
    }
}
