package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import org.hotline.core.error.HotlineException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void internalFailuresCarryOnlyACorrelationId() {
        JsonObject body = Problems.toProblem(new IllegalStateException("redis at 10.0.0.7:6379 said WRONGTYPE"), -1).toJson();

        assertThat(body.getInteger("status")).isEqualTo(500);
        assertThat(body.getString("code")).isEqualTo("internal");
        assertThat(body.encode()).doesNotContain("10.0.0.7").doesNotContain("WRONGTYPE").doesNotContain("IllegalState");
        assertThat(body.getString("detail")).contains(body.getString("correlationId"));
    }

    @Test
    void unavailableDependencyIsA503WithoutItsMessage() {
        JsonObject body = Problems.toProblem(HotlineException.unavailable("redis.unavailable", "connection to 10.0.0.7 refused", null), -1).toJson();

        assertThat(body.getInteger("status")).isEqualTo(503);
        assertThat(body.encode()).doesNotContain("10.0.0.7");
    }

    @Test
    void unavailableDependencyKeepsTheMessageWrittenForTheUser() {
        JsonObject body = Problems.toProblem(HotlineException.unavailable("category.not-passed-on",
            "分类已保存，但派单目录未能同步：请稍后用修改接口原样保存一次", new IllegalStateException("bus timeout")), -1).toJson();

        assertThat(body.getInteger("status")).isEqualTo(503);
        assertThat(body.getString("code")).isEqualTo("category.not-passed-on");
        assertThat(body.getString("detail")).startsWith("分类已保存，但派单目录未能同步").contains(body.getString("correlationId"))
            .doesNotContain("bus timeout");
    }

    @Test
    void formBodyWithABrokenPercentEscapeIsA400() {
        Throwable netty = new io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.ErrorDataDecoderException(
            new IllegalArgumentException("Invalid hex byte at index '0' in string: '%ZZ'"));

        Problems.Problem problem = Problems.toProblem(netty, -1);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("request.malformed-form");
        assertThat(problem.detail()).contains("百分号转义");
    }

    @Test
    void familyErrorsKeepTheirCodeAndMessage() {
        JsonObject body = Problems.toProblem(HotlineException.rejected("ticket.illegal-transition", "工单已退回，不能签收"), -1).toJson();

        assertThat(body.getInteger("status")).isEqualTo(422);
        assertThat(body.getString("code")).isEqualTo("ticket.illegal-transition");
        assertThat(body.getString("detail")).isEqualTo("工单已退回，不能签收");
        assertThat(body.getString("type")).isEqualTo("urn:hotline:problem:ticket.illegal-transition");
    }

    @Test
    void webErrorsMapToTheirStatus() {
        assertThat(Problems.toProblem(new HttpException(413), -1).status()).isEqualTo(413);
        assertThat(Problems.toProblem(null, 405).status()).isEqualTo(405);
        assertThat(Problems.toProblem(new DecodeException("bad"), -1).code()).isEqualTo("request.malformed-json");
        assertThat(Problems.toProblem(null, 401).code()).isEqualTo("auth.unauthenticated");
    }
}
