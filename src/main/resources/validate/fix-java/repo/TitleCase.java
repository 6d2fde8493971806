/** Title-cases words; run the checks with `java TitleCase.java`. */
public class TitleCase {

    static String titleCase(String text) {
        var out = new StringBuilder();
        for (var word : text.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (!word.isEmpty()) {
                out.append(word.substring(0, 1).toUpperCase()).append(word.substring(1).toUpperCase());
            }
        }
        return out.toString();
    }

    public static void main(String[] args) {
        check(titleCase("hello world"), "Hello World");
        check(titleCase("nAVI"), "NAVI");
        check(titleCase("a"), "A");
        System.out.println("all checks passed");
    }

    private static void check(String actual, String expected) {
        if (!actual.equals(expected)) {
            System.out.println("FAILED: expected '" + expected + "' but was '" + actual + "'");
            System.exit(1);
        }
    }
}
