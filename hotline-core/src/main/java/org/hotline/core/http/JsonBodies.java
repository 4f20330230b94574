package org.hotline.core.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.hotline.core.error.HotlineException;

/**
 * Strict reading of JSON request bodies into request records: invalid UTF-8, malformed JSON,
 * duplicate or unknown fields and wrong types are refused with a Chinese message naming the field,
 * instead of being coerced ("12" into 12, "true" into true) or silently dropped.
 */
public final class JsonBodies {

    private static final ObjectMapper STRICT = strictMapper();

    private JsonBodies() {
    }

    /** The strict mapper, for modules that read their own bodies the same way. */
    public static ObjectMapper strict() {
        return STRICT;
    }

    public static <T> T read(RoutingContext ctx, Class<T> type) {
        return read(jsonBytes(ctx), type);
    }

    /**
     * The body as a JSON object, for routes that read fields one by one: an empty body, {@code null},
     * an array, a number or malformed JSON is a 400, never a cast failure.
     */
    public static JsonObject object(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw HotlineException.invalid("request.empty-body", "请求体不能为空");
        }
        return objectOf(body.getBytes());
    }

    /** Like {@link #object}, but an absent (empty) body is an empty object: for operations whose body is optional. */
    public static JsonObject optionalObject(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        return body == null || body.length() == 0 ? new JsonObject() : object(ctx);
    }

    static JsonObject objectOf(byte[] bytes) {
        String text = strictUtf8(bytes);
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (DecodeException malformed) {
            throw HotlineException.invalid("request.malformed-json", "请求体不是有效的 JSON");
        }
        if (value == null) {
            throw HotlineException.invalid("request.empty-body", "请求体不能为空");
        }
        if (!(value instanceof JsonObject object)) {
            throw HotlineException.invalid("request.wrong-type", "请求体须为 JSON 对象（{...}）");
        }
        return object;
    }

    /** The body's bytes when there is one and it is declared JSON (or not declared at all). */
    private static byte[] jsonBytes(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw HotlineException.invalid("request.empty-body", "请求体不能为空");
        }
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new HotlineException(org.hotline.core.error.ErrorKind.INVALID_REQUEST,
                "request.unsupported-media-type", "请求体须为 application/json");
        }
        return body.getBytes();
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        String text = strictUtf8(bytes);
        try {
            T value = STRICT.readValue(text, type);
            if (value == null) {
                throw HotlineException.invalid("request.empty-body", "请求体不能为空");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
    }

    public static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        } catch (CharacterCodingException e) {
            throw HotlineException.invalid("request.invalid-utf8", "请求体不是有效的 UTF-8 文本");
        }
    }

    private static HotlineException translate(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return HotlineException.invalid("request.unknown-field", "未知字段：" + unknown.getPropertyName());
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() instanceof HotlineException own) {
            return own;
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() instanceof IllegalArgumentException bad) {
            return HotlineException.invalid("request.invalid-field", safeMessage(bad.getMessage()));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            return HotlineException.invalid("request.wrong-type",
                field.isEmpty() ? "请求体结构错误" : "字段 " + field + " 的类型或取值错误");
        }
        if (e instanceof JsonParseException) {
            return HotlineException.invalid("request.malformed-json", "请求体不是有效的 JSON");
        }
        return HotlineException.invalid("request.malformed-json", "请求体无法解析");
    }

    private static String safeMessage(String message) {
        return message == null || message.isBlank() ? "字段取值无效" : message;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new JavaTimeModule())
            .build();
        // a number where text is expected is a client bug, not something to stringify
        mapper.coercionConfigFor(LogicalType.Textual)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
