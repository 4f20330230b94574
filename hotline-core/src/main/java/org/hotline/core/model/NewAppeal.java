package org.hotline.core.model;

import java.util.List;
import java.util.Objects;

/** What is known when an appeal comes in, before it is a ticket. */
public record NewAppeal(
        Channel channel, AppealType appealType, Urgency urgency, String title, String content,
        Caller caller, Location location, List<String> tags) {

    public NewAppeal {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(appealType, "appealType");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(caller, "caller");
        Texts.require(title, "标题", Ticket.MAX_TITLE);
        Texts.require(content, "诉求内容", Ticket.MAX_CONTENT);
        location = location == null ? Location.unknown() : location;
        tags = List.copyOf(tags == null ? List.of() : tags);
        if (tags.size() > 20) {
            throw new IllegalArgumentException("标签不能超过20个");
        }
    }
}
