package dev.fieldlink.policy.file;

/**
 * A policy file that cannot be used. The message names the file, the line and column (1-based; 0 when unknown),
 * the field as a path such as {@code regions[0].children[1].id}, and what is wrong with it.
 */
public final class PolicyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public PolicyFileException(String file, int line, int column, String field, String problem) {
        super(format(file, line, column, field, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String file, int line, int column, String field, String problem) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(", line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
        }
        if (field != null && !field.isEmpty()) {
            text.append(", field ").append(field);
        }
        return text.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The field path, e.g. {@code regions[0].id}; empty for the whole file. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
