package org.hotline.linkage110.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.hotline.linkage110.transfer.Direction;
import org.junit.jupiter.api.Test;

class TransferListTest {

    @Test
    void builtInListsHaveCodesDescriptionsAndExamplesInBothDirections() {
        for (Direction direction : Direction.values()) {
            TransferList list = TransferLists.builtIn(direction);
            assertThat(list.version()).isEqualTo(1);
            assertThat(list.items()).isNotEmpty().allSatisfy(item -> {
                assertThat(item.examples()).isNotEmpty();
                assertThat(item.keywords()).isNotEmpty();
            });
        }
    }

    @Test
    void listSurvivesItsJsonRoundTrip() {
        TransferList list = TransferLists.builtIn(Direction.FROM_110);

        assertThat(TransferList.fromJson(Direction.FROM_110, list.toJson())).isEqualTo(list);
    }

    @Test
    void duplicateCodesAreRefused() {
        var item = new TransferListItem("X-1", "说明", List.of(), List.of("词"), "NORMAL");

        assertThatThrownBy(() -> new TransferList(Direction.TO_110, 2, Instant.EPOCH, List.of(item, item)))
                .hasMessageContaining("X-1");
    }

    @Test
    void unknownUrgencyIsRefused() {
        assertThatThrownBy(() -> new TransferListItem("X-1", "说明", List.of(), List.of(), "SOON"))
                .hasMessageContaining("SOON");
    }
}
