package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline.core.model.Actor;
import org.junit.jupiter.api.Test;

class CallRecordAccessTest {

    private static final Map<String, String> CALL_OF_A1 = Map.of("callId", "c1", "agentId", "a1");

    @Test
    void anAgentReadsOnlyTheCallsTheyAnsweredOrPlaced() {
        assertThat(CallRecordAccess.mayList(Actor.agent("a1", "坐席一"))).isTrue();
        assertThat(CallRecordAccess.mayRead(Actor.agent("a1", "坐席一"), CALL_OF_A1)).isTrue();
        assertThat(CallRecordAccess.mayRead(Actor.agent("a2", "坐席二"), CALL_OF_A1)).isFalse();
    }

    @Test
    void supervisorsReadEveryCall() {
        assertThat(CallRecordAccess.mayRead(Actor.supervisor("s1", "班长"), CALL_OF_A1)).isTrue();
    }

    @Test
    void dispatchersAndDepartmentsReadNoCallRecords() {
        assertThat(CallRecordAccess.mayList(Actor.dispatcher("d1", "派单员"))).isFalse();
        assertThat(CallRecordAccess.mayRead(Actor.dispatcher("d1", "派单员"), CALL_OF_A1)).isFalse();
        assertThat(CallRecordAccess.mayRead(Actor.department("u1", "dept-1", "部门"), CALL_OF_A1)).isFalse();
    }
}
