package dev.nlpipe.core.config;

/** The value types a stage, reader, writer or trainer option can take. */
public enum OptionType {
    STRING("string"),
    INT("integer"),
    /** Any number; an integer stays a {@link Long}, so "count or fraction" options can tell them apart. */
    NUMBER("number"),
    BOOLEAN("boolean"),
    STRING_LIST("list of strings"),
    INT_LIST("list of integers"),
    NUMBER_LIST("list of numbers"),
    PATH("path"),
    PATH_LIST("list of paths"),
    MAP("map"),
    ANY("any value");

    private final String display;

    OptionType(String display) {
        this.display = display;
    }

    /** The name shown in messages and in {@code nlpipe list}. */
    public String display() {
        return display;
    }
}
