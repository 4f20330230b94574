package org.hotline.telephony;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.core.error.HotlineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI connection. Asterisk-Java blocks on log-in and on every action, so those run on a named
 * worker pool; its reader thread only hands each event to the owning Vert.x context, in the order
 * Asterisk sent them. A lost connection is re-established by the library (keep-alive); a failed
 * first log-in is retried here with a doubling back-off. After every (re)connect {@code onConnected}
 * runs so the caller can resynchronise queue and agent state.
 */
public final class AmiGateway {

    private static final Logger LOG = LoggerFactory.getLogger(AmiGateway.class);
    static final String WORKER_POOL = "hotline-telephony-ami";

    private final Vertx vertx;
    private final TelephonyConfig config;
    private final WorkerExecutor worker;
    private final ManagerConnection connection;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Context context;
    private Handler<AmiEvent> events = e -> { };
    private Handler<Void> onConnected = v -> { };

    public AmiGateway(Vertx vertx, TelephonyConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.worker = vertx.createSharedWorkerExecutor(WORKER_POOL, config.workerPoolSize(), 60, TimeUnit.SECONDS);
        this.connection = new ManagerConnectionFactory(config.amiHost(), config.amiPort(), config.amiUsername(),
                config.amiSecret()).createManagerConnection();
    }

    /** Events and reconnects are delivered on the context that calls start. */
    public Future<Void> start(Handler<AmiEvent> eventHandler, Handler<Void> connectedHandler) {
        this.context = vertx.getOrCreateContext();
        this.events = eventHandler;
        this.onConnected = connectedHandler;
        connection.addEventListener(this::fromReaderThread);
        Promise<Void> firstLogin = Promise.promise();
        login(Duration.ofMillis(500), firstLogin);
        return firstLogin.future();
    }

    public boolean connected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Sends an action; a refused action fails as REJECTED, a lost connection as UNAVAILABLE. */
    public Future<ManagerResponse> send(ManagerAction action) {
        long timeout = config.actionTimeout().toMillis();
        return worker.executeBlocking(() -> connection.sendAction(action, timeout), false)
                .recover(AmiGateway::unavailable)
                .compose(response -> response instanceof ManagerError
                        ? Future.failedFuture(HotlineException.rejected("telephony.action-refused",
                        "交换机拒绝了操作：" + response.getMessage()))
                        : Future.succeededFuture(response));
    }

    /** Sends an action whose answer is a list of events (QueueStatus, CoreShowChannels...). */
    public Future<List<AmiEvent>> list(EventGeneratingAction action) {
        long timeout = config.actionTimeout().toMillis();
        return worker.executeBlocking(() -> listBlocking(action, timeout), false).recover(AmiGateway::unavailable);
    }

    public Future<Void> stop() {
        stopped.set(true);
        return worker.executeBlocking(() -> {
            if (connection.getState() == ManagerConnectionState.CONNECTED) {
                connection.logoff();
            }
            return null;
        }, false).<Void>mapEmpty().eventually(worker::close);
    }

    private List<AmiEvent> listBlocking(EventGeneratingAction action, long timeout) throws Exception {
        ResponseEvents answer = connection.sendEventGeneratingAction(action, timeout);
        return answer.getEvents().stream().map(ManagerEvents::toAmiEvent).toList();
    }

    private void login(Duration delay, Promise<Void> firstLogin) {
        worker.executeBlocking(() -> {
            connection.login();
            return null;
        }, false).onSuccess(v -> {
            LOG.info("ami logged in [host={}, port={}]", config.amiHost(), config.amiPort());
            firstLogin.tryComplete();
            context.runOnContext(x -> onConnected.handle(null));
        }).onFailure(failure -> {
            if (stopped.get()) {
                return;
            }
            Duration next = delay.multipliedBy(2).compareTo(config.reconnectMaxDelay()) > 0 ? config.reconnectMaxDelay() : delay.multipliedBy(2);
            LOG.warn("ami log-in failed, retrying [host={}, port={}, inMs={}, reason={}]",
                    config.amiHost(), config.amiPort(), delay.toMillis(), failure.toString());
            vertx.setTimer(delay.toMillis(), t -> login(next, firstLogin));
        });
    }

    private void fromReaderThread(ManagerEvent event) {
        if (event instanceof ConnectEvent) {
            // The library re-logged in after a drop: Asterisk may have restarted, so resync.
            LOG.info("ami connection re-established [host={}]", config.amiHost());
            context.runOnContext(x -> onConnected.handle(null));
            return;
        }
        if (event instanceof DisconnectEvent) {
            LOG.warn("ami connection lost, the library reconnects [host={}]", config.amiHost());
            return;
        }
        AmiEvent translated = ManagerEvents.toAmiEvent(event);
        context.runOnContext(x -> events.handle(translated));
    }

    private static <T> Future<T> unavailable(Throwable failure) {
        if (failure instanceof HotlineException known) {
            return Future.failedFuture(known);
        }
        return Future.failedFuture(HotlineException.unavailable("telephony.unavailable", "交换机暂时不可用，请稍后重试", failure));
    }
}
