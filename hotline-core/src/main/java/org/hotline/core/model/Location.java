package org.hotline.core.model;

/** Where the matter is: district 区, street 街道/乡镇, community 社区/村, address, optional WGS-84 point. */
public record Location(String district, String street, String community, String address, Double lat, Double lon) {

    public static final int MAX_ADDRESS = 200;

    public Location {
        if (address != null && address.length() > MAX_ADDRESS) {
            throw new IllegalArgumentException("地址不能超过" + MAX_ADDRESS + "个字");
        }
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("经纬度须同时提供");
        }
        if (lat != null && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) {
            throw new IllegalArgumentException("经纬度超出范围");
        }
    }

    public static Location unknown() {
        return new Location(null, null, null, null, null, null);
    }
}
