package com.example.shared;

import org.apache.commons.lang3.StringUtils;

public final class Names {
    private Names() {}

    public static String capitalize(String name) {
        return StringUtils.capitalize(name);
    }
}
