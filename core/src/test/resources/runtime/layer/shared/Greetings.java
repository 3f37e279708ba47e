package shared;

/** Lives in a layer (java/lib/shared.jar), not in the function's package. */
public final class Greetings {

    private Greetings() {}

    public static String hello(String name) {
        return "hello " + name + " from the layer";
    }
}
