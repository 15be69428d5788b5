package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.client.AnthropicClient;
import com.anthropic.errors.BadRequestException;
import com.anthropic.models.messages.batches.BatchListPage;
import com.anthropic.models.messages.batches.BatchListParams;
import com.anthropic.models.messages.batches.MessageBatch;
import com.anthropic.services.blocking.messages.BatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing batches newest first, with limit, after_id and before_id paging through the SDK. */
class BatchListingSdkTest {

  private FakeAnthropicApi fake;
  private AnthropicClient client;
  private BatchService batches;

  @BeforeEach
  void start() {
    fake = FakeAnthropicApi.start();
    client = SdkClients.blocking(fake);
    batches = client.messages().batches();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void list_withLimit_answersTheNewestPageAndPagesThroughAll() {
    List<String> newestFirst = createBatches(5);

    BatchListPage page = batches.list(BatchListParams.builder().limit(2).build());
    List<String> all =
        page.autoPager().stream().map(MessageBatch::id).collect(Collectors.toList());

    assertThat(ids(page)).containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(page.hasMore()).contains(true);
    assertThat(page.firstId()).contains(newestFirst.get(0));
    assertThat(page.lastId()).contains(newestFirst.get(1));
    assertThat(all).containsExactlyElementsOf(newestFirst);
    List<String> queries =
        fake.requests().stream()
            .filter(request -> request.method().equals("GET"))
            .map(RecordedRequest::query)
            .collect(Collectors.toList());
    assertThat(queries)
        .containsExactly(
            "limit=2",
            "after_id=" + newestFirst.get(1) + "&limit=2",
            "after_id=" + newestFirst.get(3) + "&limit=2");
  }

  @Test
  void list_beforeId_pagesTowardsTheNewest() {
    List<String> newestFirst = createBatches(5);

    BatchListPage page =
        batches.list(BatchListParams.builder().beforeId(newestFirst.get(3)).limit(2).build());
    BatchListPage newer = page.nextPage();

    assertThat(ids(page)).containsExactly(newestFirst.get(1), newestFirst.get(2));
    assertThat(page.hasMore()).contains(true);
    assertThat(ids(newer)).containsExactly(newestFirst.get(0));
    assertThat(newer.hasMore()).contains(false);
    assertThat(newer.hasNextPage()).isFalse();
  }

  @Test
  void list_withoutBatches_isAnEmptyLastPage() {
    BatchListPage page = batches.list();

    page.data().forEach(MessageBatch::validate);
    assertThat(page.data()).isEmpty();
    assertThat(page.firstId()).isEmpty();
    assertThat(page.lastId()).isEmpty();
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void list_limitOutOfRange_isRejected() {
    Throwable failure =
        catchThrowable(() -> batches.list(BatchListParams.builder().limit(0).build()));

    assertThat(failure).isInstanceOf(BadRequestException.class).hasMessageContaining("limit");
  }

  private List<String> createBatches(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(batches.create(SdkClients.batchOf("request" + i)).id());
    }
    Collections.reverse(ids);
    return ids;
  }

  private static List<String> ids(BatchListPage page) {
    return page.data().stream().map(MessageBatch::id).collect(Collectors.toList());
  }
}
