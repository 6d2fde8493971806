package dev.navi.llm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price table shipped in {@value #RESOURCE}: {@code model,input,output} rows in US dollars per
 * million tokens, {@code #} comments, and one {@code # prices as of <date>} line naming its date.
 */
record ShippedPrices(String asOf, Map<String, LlmProperties.Price> prices) {

    static final String RESOURCE = "llm/prices.csv";
    private static final Pattern AS_OF = Pattern.compile("#\\s*prices as of (\\S+)");

    ShippedPrices {
        prices = Map.copyOf(prices);
    }

    static ShippedPrices load() {
        try (InputStream in = ShippedPrices.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ShippedPrices parse(String csv) {
        String asOf = null;
        Map<String, LlmProperties.Price> prices = new LinkedHashMap<>();
        for (String line : csv.lines().map(String::strip).toList()) {
            Matcher date = AS_OF.matcher(line);
            if (date.matches()) {
                asOf = date.group(1);
            } else if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("model,")) {
                String[] cells = line.split(",");
                if (cells.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": not model,input,output: " + line);
                }
                prices.put(
                        cells[0].strip(),
                        new LlmProperties.Price(new BigDecimal(cells[1].strip()), new BigDecimal(cells[2].strip())));
            }
        }
        if (asOf == null) {
            throw new IllegalStateException(RESOURCE + " has no '# prices as of <date>' line");
        }
        return new ShippedPrices(asOf, prices);
    }
}
