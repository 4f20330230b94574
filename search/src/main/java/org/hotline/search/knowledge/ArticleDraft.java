package org.hotline.search.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hotline.core.error.HotlineException;

/**
 * The body of {@code POST}/{@code PUT /api/v1/knowledge}: checked here so that Redis only ever holds
 * valid articles. {@code revision}, when given on an update, must be the one the editor started
 * from (otherwise 409).
 */
public record ArticleDraft(String title, String content, String categoryCode, List<String> tags, Long revision) {

    static final int MAX_TITLE = 100;
    static final int MAX_CONTENT = 20_000;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG = 20;

    public ArticleDraft {
        title = title == null ? null : title.strip();
        content = content == null ? null : content.strip();
        categoryCode = categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip();
        require(title != null && !title.isEmpty(), "knowledge.title-required", "标题不能为空");
        require(title.length() <= MAX_TITLE, "knowledge.title-too-long", "标题不能超过 " + MAX_TITLE + " 个字");
        require(content != null && !content.isEmpty(), "knowledge.content-required", "正文不能为空");
        require(content.length() <= MAX_CONTENT, "knowledge.content-too-long", "正文不能超过 " + MAX_CONTENT + " 个字");
        require(categoryCode == null || categoryCode.matches("\\d{6}"), "knowledge.category-invalid", "分类编码须为 6 位数字，如 100401");
        tags = clean(tags);
        require(revision == null || revision >= 1, "knowledge.revision-invalid", "revision 须为正整数");
    }

    private static List<String> clean(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        var kept = new LinkedHashSet<String>();
        for (String tag : tags) {
            require(tag != null && !tag.isBlank(), "knowledge.tag-blank", "标签不能为空");
            require(tag.strip().length() <= MAX_TAG, "knowledge.tag-too-long", "标签不能超过 " + MAX_TAG + " 个字");
            kept.add(tag.strip());
        }
        require(kept.size() <= MAX_TAGS, "knowledge.too-many-tags", "标签不能超过 " + MAX_TAGS + " 个");
        return List.copyOf(new ArrayList<>(kept));
    }

    private static void require(boolean ok, String code, String message) {
        if (!ok) {
            throw HotlineException.invalid(code, message);
        }
    }
}
