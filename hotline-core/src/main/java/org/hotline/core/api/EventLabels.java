package org.hotline.core.api;

import java.util.Map;

/** Chinese names of the event types, for the history a person reads; unknown types keep their name. */
final class EventLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
        Map.entry("TicketReceived", "受理"),
        Map.entry("TicketAnsweredDirectly", "直接答复"),
        Map.entry("TicketClassified", "分类"),
        Map.entry("TicketAssigned", "派单"),
        Map.entry("TicketReassigned", "改派"),
        Map.entry("TicketSubAssigned", "转派下级单位"),
        Map.entry("SubAssignmentWithdrawn", "收回下级单位办理"),
        Map.entry("TicketSigned", "签收"),
        Map.entry("AssistanceSigned", "协办签收"),
        Map.entry("AssistanceOpinionGiven", "协办意见"),
        Map.entry("AssistanceAlarmRecorded", "协办时限预警"),
        Map.entry("CitizenContacted", "联系市民"),
        Map.entry("ReturnRequested", "申请退单"),
        Map.entry("ReturnApproved", "同意退单"),
        Map.entry("ReturnRejected", "驳回退单"),
        Map.entry("ExtensionRequested", "申请延期"),
        Map.entry("ExtensionApproved", "同意延期"),
        Map.entry("ExtensionRejected", "驳回延期"),
        Map.entry("TicketSuspended", "挂起"),
        Map.entry("TicketResumed", "恢复办理"),
        Map.entry("TicketUrged", "督办催办"),
        Map.entry("TicketReplied", "办理答复"),
        Map.entry("ReplyAccepted", "审核通过"),
        Map.entry("ReplySentBack", "答复退回重办"),
        Map.entry("ReturnVisitRecorded", "回访"),
        Map.entry("TicketReopened", "重新办理"),
        Map.entry("TicketClosed", "办结"),
        Map.entry("TicketNotAccepted", "不予受理"),
        Map.entry("TicketMerged", "并入主单"),
        Map.entry("DuplicateAbsorbed", "合并重复件"),
        Map.entry("TicketUnmerged", "撤销并单"),
        Map.entry("PoliceLinkageRecorded", "110联动"),
        Map.entry("MessageRecorded", "短信/语音"),
        Map.entry("DuplicateReleased", "重复件撤出"),
        Map.entry("MasterReplyMirrored", "同步主单答复"),
        Map.entry("SlaWarningRecorded", "黄牌预警"),
        Map.entry("SlaOverdueRecorded", "红牌超时"),
        Map.entry("CallLinked", "关联来电"),
        Map.entry("TicketTagged", "标记"));

    private EventLabels() {
    }

    static String of(String type) {
        return LABELS.getOrDefault(type, type);
    }
}
