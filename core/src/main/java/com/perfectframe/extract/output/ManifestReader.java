package com.perfectframe.extract.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code manifest.csv} (written by {@code extract.Manifest}: {@code file,source,timestamp,frame_number,score,
 * model,captured_at_source,captured_at}; manifests of earlier versions end after {@code model}, so the capture columns
 * are found by the header's names ({@link Columns}); RFC 4180 quoting, cells a spreadsheet would take for formulas
 * behind a single quote, removed here by {@code Manifest.plain}). Runs append to it, so a name can appear twice when a
 * picture was deleted and written again; the last row wins. Rows it cannot read are skipped rather than failing the
 * whole gallery; a score that is not a finite number ({@code NaN}, {@code Infinity}) is read as none.
 */
public final class ManifestReader {

    private ManifestReader() {}

    /**
     * Where the columns a manifest may lack are in its rows, read from its header (-1: the manifest has no such
     * column).
     */
    public record Columns(int capturedAtSource, int capturedAt) {

        /** The columns of a manifest of this version. */
        public static final Columns CURRENT = of(Manifest.COLUMNS);

        /** The columns of a manifest with this header record. */
        public static Columns of(List<String> header) {
            return new Columns(header.indexOf("captured_at_source"), header.indexOf("captured_at"));
        }
    }

    /** The rows by file name, in the manifest's order. */
    public static Map<String, ManifestRow> read(Path manifest) throws IOException {
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Map<String, ManifestRow> rows = new LinkedHashMap<>();
        List<List<String>> records = records(text);
        Columns columns = records.isEmpty() ? Columns.CURRENT : Columns.of(records.get(0));
        for (int i = 1; i < records.size(); i++) {
            ManifestRow row = row(records.get(i), columns);
            if (row != null) {
                rows.remove(row.file());
                rows.put(row.file(), row);
            }
        }
        return rows;
    }

    /** One record of a manifest of this version as a row; see {@link #row(List, Columns)}. */
    public static ManifestRow row(List<String> fields) {
        return row(fields, Columns.CURRENT);
    }

    /**
     * One record's fields as a row, its capture columns where the manifest's header puts them; null when the record
     * is not one (too few fields, no file name).
     */
    public static ManifestRow row(List<String> fields, Columns columns) {
        if (fields.size() < 6 || fields.get(0).isEmpty()) {
            return null;
        }
        Double frame = number(fields.get(3));
        return new ManifestRow(
                fields.get(0),
                fields.get(1),
                emptyToNull(fields.get(2)),
                seconds(fields.get(2)),
                frame == null ? null : frame.longValue(),
                number(fields.get(4)),
                emptyToNull(fields.get(5)),
                cell(fields, columns.capturedAt()),
                cell(fields, columns.capturedAtSource()));
    }

    /** Splits CSV text into records of fields, honouring quotes (which may hold commas and line breaks). */
    public static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(Manifest.plain(field.toString()));
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(Manifest.plain(field.toString()));
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(Manifest.plain(field.toString()));
            records.add(fields);
        }
        return records;
    }

    private static String cell(List<String> fields, int column) {
        return column >= 0 && column < fields.size() ? emptyToNull(fields.get(column)) : null;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** A number, or null for an empty cell, text, or a value that is not finite ({@code NaN}, {@code Infinity}). */
    public static Double number(String value) {
        try {
            Double number = value.isEmpty() ? null : Double.valueOf(value);
            return number == null || number.isNaN() || number.isInfinite() ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code hh-mm-ss.mmm} in seconds, or null. */
    public static Double seconds(String timestamp) {
        String[] parts = timestamp.split("-");
        if (parts.length != 3) {
            return null;
        }
        try {
            return Integer.parseInt(parts[0]) * 3600.0
                    + Integer.parseInt(parts[1]) * 60.0
                    + Double.parseDouble(parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
