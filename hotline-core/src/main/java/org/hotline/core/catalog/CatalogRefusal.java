package org.hotline.core.catalog;

/** Why an administrator's edit of the directory or the catalog is refused: a code and a Chinese message. */
public record CatalogRefusal(String code, String message) {
}
