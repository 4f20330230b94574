package org.hotline.core.stream.bench;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.core.app.TicketService;
import org.hotline.core.catalog.Seed;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Category;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.Location;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.ReplyResult;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;
import org.hotline.core.stream.RedisKeys;

/**
 * A realistic ticket event mix, written by the REAL {@link TicketService} on the real Redis store (lean entries,
 * ticket hashes, indexes), then read back as the stream holds it so a benchmark can replay it at any rate. One unit
 * is nine entries, the ratio of a ticket's life: a fresh appeal that stays received (what auto-dispatch and the 110
 * screener work on) and the eight later events of another ticket (classified, assigned, signed, contacted,
 * replied, accepted, visited, closed: what the learner, the 110 result watcher and the indexer see most). That
 * other ticket's own "received" entry is left out of the replay, so the mix keeps one received entry in nine.
 */
public final class TicketEventMix {

    private static final Actor AGENT = Actor.agent("bench-agent", "坐席甲");
    private static final Actor DISPATCHER = Actor.dispatcher("bench-dispatcher", "派单员乙");
    private static final Actor URBAN = Actor.department("bench-urban", "urban", "城管局经办人");
    private static final List<Channel> CHANNELS = List.of(Channel.PHONE, Channel.WEB, Channel.APP, Channel.PHONE, Channel.WECHAT);
    private static final List<String> DISTRICTS = List.of("d.dongcheng", "d.xihu", "d.nanguan", "d.beishan", "d.gaoxin", "d.xingang");
    /** Title, content: what citizens write (lengths as in the project's classifier set). */
    private static final List<String[]> TEXTS = List.of(
            new String[] {"小区门口饭店油烟直排", "您好，我住在东城区幸福路金色家园3栋，楼下新开的一家饭店排烟管道直接对着我们住宅楼，油烟没有经过净化，"
                    + "每天中午晚上满屋子油烟味，窗户都不敢开，家里老人咳嗽得厉害。请环保部门尽快来查一查！"},
            new String[] {"人民路夜市占道经营", "人民路与解放路交叉口每天晚上有十几个流动摊贩占用人行道和非机动车道，行人只能走机动车道，"
                    + "非常危险，垃圾也没人清理，希望城管部门加强管理。"},
            new String[] {"公交车长期不按站停靠", "12路公交车在师范学院站经常不停车直接开过去，早上上班高峰期等了四十分钟都没上车，"
                    + "希望交通部门督促公交公司整改。"},
            new String[] {"拖欠工资三个月", "我在新区一家装修公司上班，公司已经拖欠我们十几个工人三个月工资共计十二万元，"
                    + "老板一直推脱，请劳动监察部门帮忙讨薪。"},
            new String[] {"学校周边交通拥堵", "实验小学门口每天放学时家长车辆乱停乱放，道路堵得水泄不通，孩子过马路很不安全，"
                    + "建议交警在上下学时段安排执勤。"},
            new String[] {"夜间施工噪音扰民", "西湖区滨江路工地每天晚上十一点以后还在打桩施工，噪音很大，附近居民根本没法休息，"
                    + "请相关部门核实是否办理了夜间施工许可。"},
            new String[] {"有人在小区打架斗殴", "我们小区门口现在有一群人拿着棍子在打架，已经有人受伤流血了，情况紧急，请马上派人来处理！"},
            new String[] {"医院挂号难", "市第一人民医院专家号每天早上七点放号，几分钟就没有了，网上也挂不到，老人看病太难，"
                    + "希望卫生部门改进挂号方式。"},
            new String[] {"路灯不亮", "北山区青年路从二号路口到五号路口的路灯已经一个多星期不亮了，晚上出行很不方便，请尽快维修。"});

    private final TicketService tickets;
    private final Category category;
    private final int lanes;

    /** {@code lanes}: how many tickets are moved at once while recording (the store takes concurrent commits). */
    public TicketEventMix(TicketService tickets, Seed seed, int lanes) {
        this.tickets = tickets;
        this.category = seed.categories().find("010201").orElseThrow();
        this.lanes = lanes;
    }

    /**
     * Writes at least {@code events} entries through the ticket service, returns their fields in stream order
     * (the left-out received entries dropped) and deletes the stream, so a replay starts on an empty one.
     */
    public List<Map<String, String>> record(RedisCommands<String, String> redis, int events, String run) {
        int units = (events + 8) / 9;
        redis.del(RedisKeys.TICKET_EVENTS);
        List<Future<Void>> all = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            Future<Void> chain = Future.succeededFuture();
            for (int unit = first; unit < units; unit += lanes) {
                int u = unit;
                chain = chain.compose(v -> unit(run, u));
            }
            all.add(chain);
        }
        Future.all(all).toCompletionStage().toCompletableFuture().join();
        List<StreamMessage<String, String>> written = redis.xrange(RedisKeys.TICKET_EVENTS, Range.create("-", "+"));
        redis.del(RedisKeys.TICKET_EVENTS);
        List<Map<String, String>> mix = new ArrayList<>(written.size());
        for (StreamMessage<String, String> m : written) {
            Map<String, String> fields = m.getBody();
            // the lifecycle ticket's own reception: the fresh appeal stands for it
            if (!("TicketReceived".equals(fields.get("type")) && fields.getOrDefault("ticket", "").contains("生命周期"))) {
                mix.add(fields);
            }
        }
        return mix;
    }

    private Future<Void> unit(String run, int unit) {
        String[] fresh = TEXTS.get(unit % TEXTS.size());
        String[] later = TEXTS.get((unit + 3) % TEXTS.size());
        return tickets.receive(appeal(unit, fresh[0], fresh[1], CHANNELS.get(unit % CHANNELS.size())), AGENT, run + "f" + unit)
                .compose(t -> tickets.receive(appeal(unit, later[0] + "（生命周期）", later[1], Channel.PHONE), AGENT, run + "l" + unit))
                .compose(t -> apply(t, new Command.Classify(category, null, null, null), AGENT))
                .compose(t -> apply(t, new Command.Assign("urban", Set.of(), null), DISPATCHER))
                .compose(t -> apply(t, new Command.Sign(), URBAN))
                .compose(t -> apply(t, new Command.RecordContact("已电话联系市民，约定现场查看"), URBAN))
                .compose(t -> apply(t, new Command.SubmitReply("经现场核查，已责令整改并复查，问题已解决。", ReplyResult.RESOLVED), URBAN))
                .compose(t -> apply(t, new Command.AcceptReply(null), DISPATCHER))
                .compose(t -> apply(t, new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null), AGENT))
                .compose(t -> apply(t, new Command.Close(null), AGENT))
                .mapEmpty();
    }

    private Future<Ticket> apply(Ticket ticket, Command command, Actor actor) {
        return tickets.apply(ticket.id(), command, actor);
    }

    private static NewAppeal appeal(int unit, String title, String content, Channel channel) {
        String district = DISTRICTS.get(unit % DISTRICTS.size());
        return new NewAppeal(channel, AppealType.COMPLAINT, Urgency.NORMAL, title, content,
                new Caller("市民" + unit, String.format("138%08d", unit % 100_000_000), false, false),
                new Location(district, null, null, "幸福路" + (unit % 200) + "号", null, null), List.of());
    }
}
