package org.hotline.core.app;

import java.util.Set;
import java.util.function.Supplier;
import org.hotline.core.catalog.Seed;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Command;

/**
 * Input checks that need the configuration: departments must exist and be in use, categories must
 * exist and not be retired (tickets classified before keep their retired category).
 */
final class CommandChecks {

    private final Supplier<Seed> seed;

    CommandChecks(Supplier<Seed> seed) {
        this.seed = seed;
    }

    /** The problem with the command's references, or null when there is none. */
    HotlineException problemWith(Command command) {
        if (command instanceof Command.Assign c) {
            return departments(c.lead(), c.assisting());
        } else if (command instanceof Command.Reassign c) {
            return departments(c.lead(), c.assisting());
        } else if (command instanceof Command.SubAssign c) {
            return departments(c.subUnit(), Set.of());
        } else if (command instanceof Command.ApproveReturn c && c.newLead() != null) {
            return departments(c.newLead(), c.assisting());
        } else if (command instanceof Command.Classify c && seed.get().categories().find(c.category().code()).isEmpty()) {
            return HotlineException.invalid("category.unknown", "分类编码不存在：" + c.category().code());
        } else if (command instanceof Command.Classify c && !seed.get().categories().chooseable(c.category().code())) {
            return HotlineException.rejected("category.retired", "分类已停用，不能用于新的分类：" + c.category().pathText());
        }
        return null;
    }

    /** The command with what the rules need from the directory filled in (a sub-unit's ancestors, the units below the actor). */
    Command resolved(Command command, Actor actor) {
        if (command instanceof Command.SubAssign c) {
            return c.within(Set.copyOf(seed.get().departments().ancestorsOf(c.subUnit())));
        } else if (command instanceof Command.WithdrawSubAssignment c && actor.departmentId() != null) {
            return c.within(seed.get().departments().descendantsOf(actor.departmentId()));
        }
        return command;
    }

    private HotlineException departments(String lead, Set<String> assisting) {
        for (String id : concat(lead, assisting)) {
            if (!seed.get().departments().contains(id)) {
                return HotlineException.invalid("department.unknown", "承办单位不存在：" + id);
            }
            if (!seed.get().departments().isActive(id)) {
                return HotlineException.rejected("department.inactive", "承办单位已停用，不能接收新工单：" + id);
            }
        }
        return null;
    }

    private static Iterable<String> concat(String lead, Set<String> assisting) {
        java.util.List<String> all = new java.util.ArrayList<>(assisting);
        all.add(0, lead);
        return all;
    }
}
