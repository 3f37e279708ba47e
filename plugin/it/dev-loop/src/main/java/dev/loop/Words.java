package dev.loop;

final class Words {
    static final String GREETING = "Hello";

    private Words() {}
}
