package org.hotline.core.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.core.app.Requests;
import org.hotline.core.attachment.Attachment;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Category;
import org.hotline.core.model.Command;
import org.hotline.core.model.CommandKind;
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
    record Contact(String note, List<String> attachments) { }
    record Opinion(String opinion) { }
    record Reply(String text, ReplyResult result, List<String> attachments) { }
    record Return(String reason, String responsibleParty) { }
    record ApproveReturn(String newLead, List<String> assisting, String reason) { }
    record Reason(String reason) { }
    record Extension(Integer workingDays, String reason) { }
    record Urge(UrgeLevel level, String reason) { }
    record Visit(Resolution resolution, Satisfaction satisfaction, String note) { }
    record NotAccept(String reason, String properChannel) { }
    record Merge(String masterTicketId, String reason) { }

    /** One action: its body type, the command kind it gives and how the body becomes that command. */
    record Action<B>(Class<B> body, CommandKind kind, Function<B, Command> command) {
        Command toCommand(Object parsed) {
            return Requests.build(() -> command.apply(body.cast(parsed)));
        }
    }

    static final int MAX_ATTACHMENTS = 20;

    private final Map<String, Action<?>> actions = new LinkedHashMap<>();

    TicketActions(Supplier<CategoryCatalog> catalog) {
        action("answer", Answer.class, CommandKind.ANSWER_DIRECTLY, b -> new Command.AnswerDirectly(b.answer()));
        action("classify", Classify.class, CommandKind.CLASSIFY,
            b -> new Command.Classify(category(catalog.get(), b.categoryCode()), b.appealType(), b.urgency(), b.reason()));
        action("assign", Assign.class, CommandKind.ASSIGN, b -> new Command.Assign(b.lead(), units(b.assisting()), b.reason()));
        action("reassign", Assign.class, CommandKind.REASSIGN, b -> new Command.Reassign(b.lead(), units(b.assisting()), b.reason()));
        action("sub-assign", SubAssign.class, CommandKind.SUB_ASSIGN, b -> new Command.SubAssign(b.subUnit(), b.reason()));
        action("sub-assign/withdraw", Reason.class, CommandKind.WITHDRAW_SUB_ASSIGNMENT, b -> new Command.WithdrawSubAssignment(b.reason()));
        action("sign", Empty.class, CommandKind.SIGN, b -> new Command.Sign());
        action("assist-sign", Empty.class, CommandKind.SIGN_ASSISTANCE, b -> new Command.SignAssistance());
        action("assist-opinion", Opinion.class, CommandKind.SUBMIT_OPINION, b -> new Command.SubmitOpinion(b.opinion()));
        action("contact", Contact.class, CommandKind.RECORD_CONTACT, b -> new Command.RecordContact(b.note(), attachmentIds(b.attachments())));
        action("reply", Reply.class, CommandKind.SUBMIT_REPLY, b -> new Command.SubmitReply(b.text(), b.result(), attachmentIds(b.attachments())));
        action("request-return", Return.class, CommandKind.REQUEST_RETURN, b -> new Command.RequestReturn(b.reason(), b.responsibleParty()));
        action("approve-return", ApproveReturn.class, CommandKind.APPROVE_RETURN,
            b -> new Command.ApproveReturn(b.newLead(), units(b.assisting()), b.reason()));
        action("reject-return", Reason.class, CommandKind.REJECT_RETURN, b -> new Command.RejectReturn(b.reason()));
        action("request-extension", Extension.class, CommandKind.REQUEST_EXTENSION, b -> new Command.RequestExtension(extension(b), b.reason()));
        action("approve-extension", Reason.class, CommandKind.APPROVE_EXTENSION, b -> new Command.ApproveExtension(b.reason()));
        action("reject-extension", Reason.class, CommandKind.REJECT_EXTENSION, b -> new Command.RejectExtension(b.reason()));
        action("urge", Urge.class, CommandKind.URGE, b -> new Command.Urge(b.level(), b.reason()));
        action("accept-reply", Reason.class, CommandKind.ACCEPT_REPLY, b -> new Command.AcceptReply(b.reason()));
        action("send-back-reply", Reason.class, CommandKind.SEND_BACK_REPLY, b -> new Command.SendBackReply(b.reason()));
        action("revisit", Visit.class, CommandKind.RECORD_RETURN_VISIT, b -> new Command.RecordReturnVisit(b.resolution(), b.satisfaction(), b.note()));
        action("rehandle", Reason.class, CommandKind.REHANDLE, b -> new Command.Rehandle(b.reason()));
        action("close", Reason.class, CommandKind.CLOSE, b -> new Command.Close(b.reason()));
        action("not-accept", NotAccept.class, CommandKind.NOT_ACCEPT, b -> new Command.NotAccept(b.reason(), b.properChannel()));
        action("merge", Merge.class, CommandKind.MERGE_INTO, b -> new Command.MergeInto(new TicketId(b.masterTicketId()), b.reason()));
        action("unmerge", Reason.class, CommandKind.UNMERGE, b -> new Command.Unmerge(b.reason()));
        action("suspend", Reason.class, CommandKind.SUSPEND, b -> new Command.Suspend(b.reason()));
        action("resume", Reason.class, CommandKind.RESUME, b -> new Command.Resume(b.reason()));
    }

    private <B> void action(String name, Class<B> body, CommandKind kind, Function<B, Command> command) {
        actions.put(name, new Action<>(body, kind, command));
    }

    /** The action names in the order the API documents them. */
    List<String> names() {
        return List.copyOf(actions.keySet());
    }

    /** The names of the actions that give one of {@code kinds}, in documented order. */
    List<String> namesOf(Set<CommandKind> kinds) {
        return actions.entrySet().stream().filter(e -> kinds.contains(e.getValue().kind())).map(Map.Entry::getKey).toList();
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

    /** Evidence files are named by the ids their upload answered; whether they belong to the ticket is checked with the ticket. */
    private static List<String> attachmentIds(List<String> ids) {
        List<String> named = ids == null ? List.of() : ids;
        if (named.size() > MAX_ATTACHMENTS) {
            throw HotlineException.invalid("attachment.too-many", "附件不能超过 " + MAX_ATTACHMENTS + " 个");
        }
        if (!named.stream().allMatch(Attachment::isId)) {
            throw HotlineException.invalid("attachment.invalid-reference", "附件编号无效，请先上传文件");
        }
        return named;
    }
}
