package org.hotline.core.api;

import java.util.List;

/** The action names the API documents; {@link OpenApiDocumentIT} checks each resolves to an action. */
final class TicketActionsNames {

    static final List<String> ALL = List.of("answer", "classify", "assign", "reassign", "sub-assign", "sub-assign/withdraw", "sign", "assist-sign", "assist-opinion", "contact", "reply", "request-return",
        "approve-return", "reject-return", "request-extension", "approve-extension", "reject-extension", "urge", "accept-reply",
        "send-back-reply", "revisit", "rehandle", "close", "not-accept", "merge", "unmerge", "suspend", "resume");

    private TicketActionsNames() {
    }
}
