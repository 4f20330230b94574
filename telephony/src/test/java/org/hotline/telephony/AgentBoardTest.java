package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private final AgentBoard board = new AgentBoard();

    @Test
    void anAgentWhoLogsInIsReadyAndPausedWithTheReasonGiven() {
        board.apply(AmiEvent.parse("Event: QueueMemberAdded\nQueue: common\nMemberName: a1001\nPaused: 0\nInCall: 0"), T0);
        assertThat(board.stateOf("a1001")).isEqualTo(AgentBoard.State.READY);

        board.apply(AmiEvent.parse("Event: QueueMemberPause\nQueue: common\nMemberName: a1001\nPaused: 1\nPausedReason: 培训"), T0);

        assertThat(board.stateOf("a1001")).isEqualTo(AgentBoard.State.PAUSED);
        assertThat(board.snapshot().getJsonObject(0).getString("reason")).isEqualTo("培训");
    }

    @Test
    void theWrapUpPauseIsShownAsWrapUpAndAnAnsweredCallAsBusy() {
        board.apply(AmiEvent.parse("Event: QueueMemberAdded\nQueue: common\nMemberName: a1001\nPaused: 0"), T0);
        board.apply(AmiEvent.parse("Event: AgentConnect\nQueue: common\nMemberName: a1001"), T0);
        assertThat(board.stateOf("a1001")).isEqualTo(AgentBoard.State.BUSY);

        board.apply(AmiEvent.parse("Event: QueueMemberPause\nQueue: common\nMemberName: a1001\nPaused: 1\nPausedReason: "
                + AgentBoard.WRAP_UP_REASON), T0);

        assertThat(board.stateOf("a1001")).isEqualTo(AgentBoard.State.WRAP_UP);
        assertThat(board.countsByState().getLong("WRAP_UP")).isEqualTo(1);
    }

    @Test
    void anAgentRemovedFromItsLastQueueIsLoggedOut() {
        board.apply(AmiEvent.parse("Event: QueueMemberAdded\nQueue: common\nMemberName: a1001\nPaused: 0"), T0);
        board.apply(AmiEvent.parse("Event: QueueMemberAdded\nQueue: dialect\nMemberName: a1001\nPaused: 0"), T0);

        board.apply(AmiEvent.parse("Event: QueueMemberRemoved\nQueue: common\nMemberName: a1001"), T0);
        assertThat(board.stateOf("a1001")).isEqualTo(AgentBoard.State.READY);
        board.apply(AmiEvent.parse("Event: QueueMemberRemoved\nQueue: dialect\nMemberName: a1001"), T0);

        assertThat(board.stateOf("a1001")).isEqualTo(AgentBoard.State.LOGGED_OUT);
    }

    @Test
    void anAgentWhosePhoneIsInUseOrRingingIsBusyForOutboundCallsWhateverTheCall() {
        board.apply(AmiEvent.parse("Event: QueueMemberAdded\nQueue: common\nMemberName: a1001\nPaused: 0\nStatus: 1"), T0);
        assertThat(board.busy("a1001")).isFalse();

        board.apply(AmiEvent.parse("Event: QueueMemberStatus\nQueue: common\nMemberName: a1001\nPaused: 0\nInCall: 0\nStatus: 2"), T0);
        assertThat(board.busy("a1001")).isTrue();
        board.apply(AmiEvent.parse("Event: QueueMemberStatus\nQueue: common\nMemberName: a1001\nPaused: 0\nInCall: 0\nStatus: 6"), T0);
        assertThat(board.busy("a1001")).isTrue();

        board.apply(AmiEvent.parse("Event: QueueMemberStatus\nQueue: common\nMemberName: a1001\nPaused: 0\nInCall: 0\nStatus: 1"), T0);
        assertThat(board.busy("a1001")).isFalse();
    }
}
