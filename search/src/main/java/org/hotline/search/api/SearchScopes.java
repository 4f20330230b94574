package org.hotline.search.api;

import java.util.Set;
import java.util.function.Function;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.search.port.SearchScope;

/**
 * The department data scope of the service API applied to search: center staff search everything,
 * a department the tickets of itself and its sub-units, citizens nothing.
 */
public final class SearchScopes implements Function<Actor, SearchScope> {

    private final Function<String, Set<String>> unitsOf;

    /** @param unitsOf a department id to itself and every unit below it (the API's {@code DataScope::unitsOf}) */
    public SearchScopes(Function<String, Set<String>> unitsOf) {
        this.unitsOf = unitsOf;
    }

    @Override
    public SearchScope apply(Actor actor) {
        return switch (actor.role()) {
            case AGENT, DISPATCHER, SUPERVISOR, ADMIN, SYSTEM -> SearchScope.all();
            case DEPARTMENT -> SearchScope.departments(unitsOf.apply(actor.departmentId()));
            case CITIZEN -> throw HotlineException.forbidden("search.forbidden", "无权检索工单");
        };
    }
}
