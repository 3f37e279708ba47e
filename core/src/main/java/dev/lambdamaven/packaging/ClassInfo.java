package dev.lambdamaven.packaging;

import java.util.List;
import java.util.Set;

/**
 * What the handler check needs to know of a class, read from its bytecode (never loaded: the function
 * may target a newer Java than the one running Maven).
 *
 * @param name               internal name, e.g. {@code com/acme/Handler}
 * @param superName          internal name of the superclass, {@code null} for {@code java/lang/Object}
 * @param interfaces         internal names of directly implemented interfaces
 * @param publicMethods      names of public methods declared in this class
 * @param concrete           neither abstract nor an interface
 */
public record ClassInfo(String name, String superName, List<String> interfaces, Set<String> publicMethods,
        boolean concrete) {

    public String binaryName() {
        return name.replace('/', '.');
    }
}
