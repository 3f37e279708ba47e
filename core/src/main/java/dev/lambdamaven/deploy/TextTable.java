package dev.lambdamaven.deploy;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the log: a header, a rule, one line per row, columns padded to their widest cell. */
public final class TextTable {

    private TextTable() {}

    public static List<String> render(List<String> header, List<List<String>> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        cells.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < cells.size(); n++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "| " : " | ").append(String.format("%-" + widths[i] + "s", cells.get(n).get(i)));
            }
            lines.add(line.append(" |").toString());
            if (n == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append(i == 0 ? "|-" : "-|-").append("-".repeat(widths[i]));
                }
                lines.add(rule.append("-|").toString());
            }
        }
        return lines;
    }
}
