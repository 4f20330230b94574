package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private final CallTracker tracker = new CallTracker();

    @Test
    void anAnsweredCallBecomesOneRecordWithAgentWaitTalkAndRecording() {
        List<CallSignal> signals = replay("answered-call.txt");

        assertThat(signals).containsExactly(
                new CallSignal.Queued("1795360019.0", "13900000001", "common", T0.plusSeconds(4)),
                new CallSignal.Answered("1795360019.0", "13900000001", "common", "a1001", T0.plusSeconds(6)),
                new CallSignal.LeftQueue("1795360019.0", "common"),
                new CallSignal.Ended("1795360019.0"));
        CallRecord record = tracker.finish("1795360019.0", T0.plusSeconds(60)).orElseThrow();
        assertThat(record.caller()).isEqualTo("13900000001");
        assertThat(record.agentId()).isEqualTo("a1001");
        assertThat(record.waitTime()).isEqualTo(Duration.ofSeconds(4));
        assertThat(record.talkTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(record.hangupSide()).isEqualTo(CallRecord.HangupSide.AGENT);
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.ANSWERED);
        assertThat(record.recording()).isEqualTo("hotline-1795360019.1.wav");
        assertThat(record.endedAt()).isEqualTo(T0.plusSeconds(11));
        assertThat(tracker.inProgress()).isZero();
    }

    @Test
    void theCallEndsOnlyWhenTheLastCallerSideChannelHangsUp() {
        List<AmiEvent> events = RecordedAmi.load("answered-call.txt");
        List<CallSignal> signals = new ArrayList<>();
        for (AmiEvent e : events.subList(0, events.size() - 1)) {
            signals.addAll(tracker.apply(e, T0));
        }

        assertThat(signals).doesNotHaveAnyElementsOfTypes(CallSignal.Ended.class);
        assertThat(tracker.finish("1795360019.0", T0)).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedIsAbandonedWithTheQueuedTime() {
        replay("abandoned-call.txt");

        CallRecord record = tracker.finish("1795360030.4", T0.plusSeconds(30)).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.ABANDONED);
        assertThat(record.abandoned()).isTrue();
        assertThat(record.waitTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(record.hangupSide()).isEqualTo(CallRecord.HangupSide.CALLER);
        assertThat(record.toStreamFields()).containsEntry("abandoned", "true").containsEntry("queue", "dialect")
                .containsEntry("agentId", "");
    }

    @Test
    void aBlindTransferEventIsAddedToTheCallsTransfers() {
        List<AmiEvent> events = RecordedAmi.load("answered-call.txt");
        events.subList(0, 7).forEach(e -> tracker.apply(e, T0));

        tracker.apply(AmiEvent.parse("""
                Event: BlindTransfer
                Result: Success
                TransfererChannel: Local/a1001@hotline-sim-agents-00000001;1
                TransfereeChannel: Local/12345@hotline-in-00000000;2
                TransfereeLinkedid: 1795360019.0
                Extension: 110
                Context: hotline-out
                """), T0);
        tracker.noteTransfer("1795360019.0", "110");
        events.subList(7, events.size()).forEach(e -> tracker.apply(e, T0));

        assertThat(tracker.finish("1795360019.0", T0).orElseThrow().transfers()).containsExactly("110");
    }

    @Test
    void callsAsteriskNoLongerHasAfterARestartAreEndedByTheSystem() {
        List<AmiEvent> events = RecordedAmi.load("answered-call.txt");
        events.subList(0, 7).forEach(e -> tracker.apply(e, T0));

        List<CallSignal> ended = tracker.endAllExcept(java.util.Set.of("other.1"), T0.plusSeconds(9));

        assertThat(ended).containsExactly(new CallSignal.Ended("1795360019.0"));
        assertThat(tracker.finish("1795360019.0", T0.plusSeconds(10)).orElseThrow().hangupSide())
                .isEqualTo(CallRecord.HangupSide.SYSTEM);
    }

    @Test
    void eventsOfChannelsOutsideTheHotlineAreIgnored() {
        List<CallSignal> signals = tracker.apply(new AmiEvent("Newchannel", Map.of("context", "hotline-sim-110",
                "uniqueid", "9.1", "linkedid", "9.1")), T0);

        assertThat(signals).isEmpty();
        assertThat(tracker.inProgress()).isZero();
    }

    @Test
    void aVoiceSurveyCallHasNoAgentAndMakesNoRecordNorAPhantomIncomingCallFromItsCarrierLeg() {
        List<AmiEvent> events = List.of(
                new AmiEvent("Newchannel", Map.of("context", "hotline-out", "uniqueid", "7.1", "linkedid", "7.1", "channel", "Local/13900000009@hotline-out-1;1")),
                new AmiEvent("VarSet", Map.of("variable", CallTracker.OUTBOUND_VARIABLE, "value", "voice-survey:t-1||13900000009",
                        "uniqueid", "7.1", "linkedid", "7.1", "channel", "Local/13900000009@hotline-out-1;1")),
                new AmiEvent("Newchannel", Map.of("context", "hotline-in", "uniqueid", "7.3", "linkedid", "7.1",
                        "calleridnum", "12345", "channel", "PJSIP/carrier-1")),
                new AmiEvent("Hangup", Map.of("uniqueid", "7.3", "linkedid", "7.1")),
                new AmiEvent("Hangup", Map.of("uniqueid", "7.1", "linkedid", "7.1")));
        List<CallSignal> signals = new ArrayList<>();
        for (AmiEvent e : events) {
            signals.addAll(tracker.apply(e, T0));
        }

        assertThat(signals).isEmpty();
        assertThat(tracker.inProgress()).isZero();
    }

    /** Replays a recording, one second per event. */
    @Test
    void aBlindTransferIsRecordedAsATransferWhicheverComesFirstTheNoteOrTheQueuesReport() {
        for (boolean noteFirst : List.of(true, false)) {
            CallTracker t = new CallTracker();
            Instant at = T0;
            for (AmiEvent e : RecordedAmi.load("answered-call.txt")) {
                if (e.is("agentcomplete")) {
                    Map<String, String> fields = new java.util.HashMap<>(e.fields());
                    fields.put("reason", "caller"); // what app_queue says when the agent redirected the citizen away
                    if (noteFirst) {
                        t.noteTransfer("1795360019.0", "110");
                    }
                    t.apply(new AmiEvent(e.name(), fields), at);
                    if (!noteFirst) {
                        t.noteTransfer("1795360019.0", "110");
                    }
                } else {
                    t.apply(e, at);
                }
                at = at.plusSeconds(1);
            }
            CallRecord record = t.finish("1795360019.0", at).orElseThrow();
            assertThat(record.hangupSide()).as("note first: " + noteFirst).isEqualTo(CallRecord.HangupSide.TRANSFER);
            assertThat(record.transfers()).containsExactly("110");
        }
    }

    @Test
    void aCallerWhoHangsUpAfterTalkingWithoutATransferIsTheCallersHangUp() {
        Instant at = T0;
        for (AmiEvent e : RecordedAmi.load("answered-call.txt")) {
            Map<String, String> fields = new java.util.HashMap<>(e.fields());
            if (e.is("agentcomplete")) {
                fields.put("reason", "caller");
            }
            tracker.apply(new AmiEvent(e.name(), fields), at);
            at = at.plusSeconds(1);
        }
        assertThat(tracker.finish("1795360019.0", at).orElseThrow().hangupSide()).isEqualTo(CallRecord.HangupSide.CALLER);
    }

    private List<CallSignal> replay(String name) {
        List<CallSignal> signals = new ArrayList<>();
        Instant at = T0;
        for (AmiEvent e : RecordedAmi.load(name)) {
            signals.addAll(tracker.apply(e, at));
            at = at.plusSeconds(1);
        }
        return signals;
    }

    @Test
    void aCallbackIsOneOutboundRecordAndItsCarrierLegIsNoNewIncomingCall() {
        List<CallSignal> signals = replay("callback-call.txt");

        assertThat(signals).containsExactly(
                new CallSignal.OutboundAnswered("out-7", "callback:1795340000.3", "a1001", "13900000009"),
                new CallSignal.Ended("out-7"));
        assertThat(tracker.inProgress()).isEqualTo(1);
        CallRecord record = tracker.finish("out-7", T0.plusSeconds(60)).orElseThrow();
        assertThat(record.direction()).isEqualTo(CallRecord.Direction.OUTBOUND);
        assertThat(record.purpose()).isEqualTo("callback:1795340000.3");
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.ANSWERED);
        assertThat(record.abandoned()).isFalse();
        assertThat(record.caller()).isEqualTo("13900000009");
        assertThat(record.agentId()).isEqualTo("a1001");
        assertThat(record.queue()).isEmpty();
        assertThat(record.toStreamFields()).containsEntry("direction", "OUTBOUND").containsEntry("outcome", "ANSWERED");
        assertThat(tracker.inProgress()).isZero();
    }

    @Test
    void aCallbackTheCitizenDoesNotAnswerIsNoAnswerAndNotAbandoned() {
        List<AmiEvent> events = RecordedAmi.load("callback-call.txt").stream().filter(e -> !e.is("dialend")).toList();
        List<CallSignal> signals = new ArrayList<>();
        events.forEach(e -> signals.addAll(tracker.apply(e, T0)));

        assertThat(signals).containsExactly(new CallSignal.Ended("out-7"));
        CallRecord record = tracker.finish("out-7", T0).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.NO_ANSWER);
        assertThat(record.abandoned()).isFalse();
    }

    @Test
    void anAgentIsOnACallFromTheMomentAnOutboundCallIsExpectedUntilItEnds() {
        tracker.expectOutbound("out-7", "callback:x", "a1001", "13900000009", T0);
        assertThat(tracker.agentOnCall("a1001", T0)).isTrue();
        assertThat(tracker.agentOnCall("a1002", T0)).isFalse();

        replay("callback-call.txt");

        assertThat(tracker.agentOnCall("a1001", T0.plusSeconds(30))).isFalse();
    }

    @Test
    void anExpectedOutboundCallAsteriskNeverReportsStopsCountingAfterAMinuteOrWhenRefused() {
        tracker.expectOutbound("out-8", "callback:x", "a1001", "13900000009", T0);
        assertThat(tracker.agentOnCall("a1001", T0.plus(CallTracker.UNCONFIRMED_OUTBOUND))).isFalse();

        tracker.expectOutbound("out-9", "callback:x", "a1002", "13900000009", T0);
        tracker.forgetOutbound("out-9");
        assertThat(tracker.agentOnCall("a1002", T0)).isFalse();
    }

    @Test
    void anUnansweredIncomingCallKeepsNoRecordingName() {
        List<AmiEvent> events = new ArrayList<>(RecordedAmi.load("abandoned-call.txt"));
        events.add(1, AmiEvent.parse("Event: VarSet\nUniqueid: 1795360030.4\nLinkedid: 1795360030.4\n"
                + "Variable: HOTLINE_RECORDING\nValue: hotline-1795360030.4.wav"));
        events.forEach(e -> tracker.apply(e, T0));

        assertThat(tracker.finish("1795360030.4", T0.plusSeconds(30)).orElseThrow().recording()).isEmpty();
    }
}
