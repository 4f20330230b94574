package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealRedisIT {

    @Test
    void sharedServerAnswersOnLoopbackWithAppendOnlyOn() throws Exception {
        RealRedis redis = RealRedis.shared();

        try (RespClient client = new RespClient(redis.host(), redis.port())) {
            assertThat(client.call("SET", "greeting", "你好 12345")).isEqualTo("OK");
            assertThat(client.call("GET", "greeting")).isEqualTo("你好 12345");
            assertThat(client.call("CONFIG", "GET", "appendonly")).isEqualTo("appendonly\nyes");
            assertThat(client.call("CONFIG", "GET", "bind")).isEqualTo("bind\n127.0.0.1");
        }
        assertThat(redis.uri()).startsWith("redis://127.0.0.1:");
        assertThat(RealRedis.shared()).isSameAs(redis);
    }

    @Test
    void restartKeepsWhatWasWrittenInTheSameDataDirectory() throws Exception {
        RealRedis redis = RealRedis.startNew(RealRedis.Options.defaults().with("appendfsync", "always"));
        try {
            try (RespClient client = new RespClient(redis.host(), redis.port())) {
                client.call("SET", "ticket:1", "received");
            }
            redis.restart();

            try (RespClient client = new RespClient(redis.host(), redis.port())) {
                assertThat(client.call("GET", "ticket:1")).isEqualTo("received");
            }
        } finally {
            redis.stop();
        }
    }

    @Test
    void crashWithAppendfsyncAlwaysLosesNoAcknowledgedWrite() throws Exception {
        RealRedis redis = RealRedis.startNew(RealRedis.Options.defaults().with("appendfsync", "always"));
        try {
            try (RespClient client = new RespClient(redis.host(), redis.port())) {
                assertThat(client.call("INCRBY", "counter", "42")).isEqualTo("42");
            }
            redis.crash();
            redis.start();

            try (RespClient client = new RespClient(redis.host(), redis.port())) {
                assertThat(client.call("GET", "counter")).isEqualTo("42");
            }
            try (var files = Files.walk(redis.dataDir())) {
                assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.contains(".aof"));
            }
        } finally {
            redis.stop();
        }
    }

    @Test
    void theStaticRedisShippedInTheEmbeddedRedisJarRunsWhereNoRedisIsInstalled() throws Exception {
        Path binary = RedisBinary.embedded();
        RealRedis redis = RealRedis.startNew(RealRedis.Options.defaults(), binary);
        try (RespClient client = new RespClient(redis.host(), redis.port())) {
            assertThat(binary.getFileName().toString()).startsWith("redis-server-7.0.15-");
            assertThat(client.call("SET", "k", "值")).isEqualTo("OK");
            assertThat(client.call("GET", "k")).isEqualTo("值");
        } finally {
            redis.stop();
        }
    }

    @Test
    void twoPrivateServersDoNotShareData() throws Exception {
        RealRedis first = RealRedis.startNew(RealRedis.Options.defaults());
        RealRedis second = RealRedis.startNew(RealRedis.Options.defaults());
        try (RespClient a = new RespClient(first.host(), first.port());
             RespClient b = new RespClient(second.host(), second.port())) {
            a.call("SET", "only-here", "1");

            assertThat(b.call("GET", "only-here")).isNull();
            assertThat(first.dataDir()).isNotEqualTo(second.dataDir());
        } finally {
            first.stop();
            second.stop();
        }
    }
}
