package org.hotline.core.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run by its SHA1 (EVALSHA), loaded again when Redis answers NOSCRIPT (after a
 * restart or SCRIPT FLUSH), so the full text travels only once per server lifetime.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source, String sha) {
        this.name = name;
        this.source = source;
        this.sha = sha;
    }

    /** Reads a script from this package's resources. */
    static LuaScript fromResource(String name, RedisAsyncCommands<String, String> commands) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + name);
            }
            return of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), commands);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script " + name, e);
        }
    }

    /** A script given as text (e.g. a small one kept next to its Java caller). */
    public static LuaScript of(String name, String source, RedisAsyncCommands<String, String> commands) {
        return new LuaScript(name, source, commands.digest(source));
    }

    String name() {
        return name;
    }

    /** Loads the script now, so a server that rejects it fails at startup, not at the first commit. */
    CompletionStage<String> load(RedisAsyncCommands<String, String> commands) {
        return commands.scriptLoad(source);
    }

    /** Runs the script by its SHA1, loading it first when Redis does not know it (yet or any more). */
    public CompletionStage<List<Object>> run(RedisAsyncCommands<String, String> commands, String[] keys, String[] args) {
        CompletionStage<List<Object>> first = commands.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        return first.exceptionallyCompose(failure -> isNoScript(failure)
                ? commands.scriptLoad(source).thenCompose(ignored -> commands.<List<Object>>evalsha(
                        sha, ScriptOutputType.MULTI, keys, args))
                : CompletableFuture.failedStage(failure));
    }

    private static boolean isNoScript(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RedisNoScriptException;
    }
}
