package org.hotline.search.port;

/**
 * The standard analyzer marks Chinese one character at a time ({@code <em>油</em><em>烟</em>});
 * both backends join adjacent marks so a matched word reads as one ({@code <em>油烟</em>}).
 */
public final class Highlights {

    private Highlights() {
    }

    public static String joinAdjacent(String fragment) {
        return fragment == null ? null : fragment.replace("</em><em>", "");
    }
}
